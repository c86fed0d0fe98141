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
  /** Each service by name, reached under /api/<name>, at one or several instances. */
  readonly services: Readonly<Record<string, string | readonly string[]>>;
}

/** How long an instance that refused a connection is passed over. */
const PASS_OVER_MS = 2_000;

/**
 * The instances of one service in turn, passing over for a moment one that refused a connection
 * (it is stopping or restarting), so a rolling restart sends requests to the others.
 */
export function roundRobin(instances: readonly string[]): { next(): string; refused(target: string): void } {
  const passedOverUntil = new Map<string, number>();
  let turn = 0;
  return {
    next() {
      const now = Date.now();
      for (let tried = 0; tried < instances.length; tried++) {
        const target = instances[turn++ % instances.length] as string;
        if ((passedOverUntil.get(target) ?? 0) <= now) return target;
      }
      return instances[turn++ % instances.length] as string;
    },
    refused(target) {
      passedOverUntil.set(target, Date.now() + PASS_OVER_MS);
    },
  };
}

function unavailable(name: string, refused: (target: string) => void = () => undefined) {
  return (error: Error, _req: IncomingMessage, res: ServerResponse | Socket, target?: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ECONNREFUSED' && target) refused(originOf(target));
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

/** The origin of a proxy target, as http-proxy hands it to the error handler (a URL or its parts). */
function originOf(target: unknown): string {
  if (typeof target === 'string') return new URL(target).origin;
  if (target instanceof URL) return target.origin;
  const { protocol, host, hostname, port } = target as {
    protocol?: string;
    host?: string;
    hostname?: string;
    port?: string;
  };
  return `${protocol ?? 'http:'}//${hostname ?? host}${port ? `:${port}` : ''}`;
}

/**
 * One origin for the browser, as the production nginx gives it: the web app's files, `/api/<service>/…`
 * to each service (without the prefix) and `/auth/…` to the identity provider (with it).
 */
export function gatewayApp(options: GatewayOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const [name, targets] of Object.entries(options.services)) {
    const instances = roundRobin(typeof targets === 'string' ? [targets] : targets);
    app.use(
      createProxyMiddleware<Request, Response>({
        router: () => instances.next(),
        pathFilter: `/api/${name}`,
        pathRewrite: { [`^/api/${name}`]: '' },
        xfwd: true,
        on: { error: unavailable(name, (target) => instances.refused(target)) },
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
