import express, { Express, NextFunction, Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { IncomingMessage, request as httpRequest, ServerResponse, STATUS_CODES } from 'node:http';
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
/** The largest request body the gateway holds while it picks an instance (a CSV import, say). */
const BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The instances of one service in turn, passing over for a moment one that refused a connection
 * (it is stopping or restarting), so a rolling restart sends requests to the others.
 */
function roundRobin(instances: readonly string[]): { next(): string; refused(target: string): void } {
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

function problem(res: ServerResponse, status: number, code: string, detail: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'application/problem+json' });
  res.end(JSON.stringify({ type: 'about:blank', title: STATUS_CODES[status], status, code, detail }));
}

function unavailable(name: string) {
  return (_error: Error, _req: IncomingMessage, res: ServerResponse | Socket) => {
    if ('writeHead' in res)
      problem(res, 502, 'service-unreachable', `The ${name} service does not answer; try again in a moment.`);
  };
}

/**
 * Forwards `/api/<name>/…` to an instance of the service, without the prefix. A refused connection
 * never reached the service, so the request (held in memory) goes to the next instance. So does a
 * request whose connection was reset, when it is a read or carries an Idempotency-Key: a stopping
 * instance resets connections it had not yet taken, and a keyed command runs at most once on any
 * instance. Any other failure is answered 502, since the service may have acted on the request.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function serviceProxy(name: string, targets: readonly string[]) {
  const instances = roundRobin(targets.map((target) => new URL(target).origin));
  return (req: Request, res: Response): void => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES)
        return problem(res, 413, 'body-too-large', `The gateway takes request bodies up to ${BODY_LIMIT_BYTES} bytes.`);
      const body = Buffer.concat(chunks);
      const send = (attempt: number) => {
        const target = instances.next();
        const upstream = httpRequest(
          `${target}${req.url}`,
          {
            // A fresh connection each time: a kept-alive one to an instance that is stopping may be reset.
            agent: false,
            method: req.method,
            headers: {
              ...req.headers,
              'x-forwarded-for': req.socket.remoteAddress ?? '',
              'x-forwarded-host': req.headers.host ?? '',
              'x-forwarded-proto': 'http',
            },
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', (error: NodeJS.ErrnoException) => {
          if (error.code === 'ECONNREFUSED') instances.refused(target);
          const repeatable =
            error.code === 'ECONNREFUSED' ||
            (error.code === 'ECONNRESET' && (SAFE_METHODS.has(req.method ?? '') || !!req.headers['idempotency-key']));
          if (repeatable && attempt < targets.length) return send(attempt + 1);
          problem(res, 502, 'service-unreachable', `The ${name} service does not answer; try again in a moment.`);
        });
        upstream.end(body);
      };
      send(1);
    });
  };
}

/**
 * One origin for the browser, as the production nginx gives it: the web app's files, `/api/<service>/…`
 * to each service (without the prefix) and `/auth/…` to the identity provider (with it).
 */
export function gatewayApp(options: GatewayOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  for (const [name, targets] of Object.entries(options.services))
    app.use(`/api/${name}`, serviceProxy(name, typeof targets === 'string' ? [targets] : targets));
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
