import express, { Express, NextFunction, Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';

export interface GatewayOptions {
  /** The built web app (index.html and assets/). */
  readonly webRoot: string;
  /** The identity provider, reached under /auth. */
  readonly identityUrl: string;
  /** Each service by name, reached under /api/<name>. */
  readonly services: Readonly<Record<string, string>>;
}

function unavailable(name: string) {
  return (_error: Error, _req: IncomingMessage, res: ServerResponse | Socket) => {
    if (!('writeHead' in res) || res.headersSent) return;
    res.writeHead(502, { 'Content-Type': 'application/problem+json' });
    res.end(
      JSON.stringify({
        type: 'about:blank',
        title: 'Bad Gateway',
        status: 502,
        code: 'service-unreachable',
        detail: `The ${name} service does not answer; try again in a moment.`,
      }),
    );
  };
}

/**
 * One origin for the browser, as the production nginx gives it: the web app's files, `/api/<service>/…`
 * to each service (without the prefix) and `/auth/…` to the identity provider (with it).
 */
export function gatewayApp(options: GatewayOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const [name, target] of Object.entries(options.services)) {
    app.use(
      createProxyMiddleware<Request, Response>({
        target,
        pathFilter: `/api/${name}`,
        pathRewrite: { [`^/api/${name}`]: '' },
        xfwd: true,
        on: { error: unavailable(name) },
      }),
    );
  }
  app.use(
    createProxyMiddleware<Request, Response>({
      target: options.identityUrl,
      pathFilter: '/auth',
      xfwd: true,
      on: { error: unavailable('identity') },
    }),
  );
  app.use('/api', (req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .send({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        code: 'unknown-service',
        detail: `No service answers ${req.originalUrl}.`,
      });
  });
  // Vite names built assets by content hash, so they never change; index.html always is asked again.
  app.use(
    '/assets',
    express.static(join(options.webRoot, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  app.use(express.static(options.webRoot, { index: false, maxAge: '1h' }));
  app.get('/{*path}', (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(options.webRoot, 'index.html'), (error) => error && next(error));
  });
  return app;
}
