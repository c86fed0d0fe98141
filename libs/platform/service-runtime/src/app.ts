import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Metrics, rejectDeepJson, rejectUndocumentedMethods, setUpOpenApi, traceRequests } from '@bildungsregion/http';
import { Logger } from 'nestjs-pino';
import { loadServiceConfig, ServiceConfig } from './config';
import { serviceEntry } from './registry';
import { startTracing, tracingIsOn } from './tracing';

/** Builds a service's Nest application; `listen` is left to the caller (main, or a test on a random port). */
export async function createServiceApp(
  module: DynamicModule,
  config: ServiceConfig,
  options: { readonly textBodies?: readonly { readonly type: string; readonly limit: number }[] } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  const { title, description } = serviceEntry(config.service);
  if (tracingIsOn()) app.use(traceRequests);
  app.use(rejectUndocumentedMethods(setUpOpenApi(app, { title, description, version: '1' })));
  // Large enough that an oversized field is refused by validation with its name, not by the parser.
  app.useBodyParser('json', { limit: '512kb' });
  for (const body of options.textBodies ?? []) app.useBodyParser('text', { type: body.type, limit: body.limit });
  app.use(rejectDeepJson);
  app.use(app.get(Metrics).middleware);
  return app;
}

/** How long a stopping service lets requests in flight finish before it closes their connections. */
const DRAIN_MS = 10_000;

/**
 * On SIGTERM or SIGINT: stop taking connections (so a gateway sends requests to another instance)
 * and let the requests in flight finish, then stop the leased work, publish what the relay holds,
 * release the lease and close the stores (the app's shutdown hooks), and exit by the signal.
 * Whatever is still unfinished after `timeoutMs` is left to the next start, which redoes it: the relay
 * publishes from its checkpoint, the bus redelivers what was not committed, the lease expires.
 */
function stopGracefullyOnSignals(app: INestApplication, timeoutMs: number): void {
  const stop = (signal: NodeJS.Signals) => {
    process.removeAllListeners('SIGTERM').removeAllListeners('SIGINT');
    let step = 'letting the requests in flight finish';
    setTimeout(() => {
      process.stderr.write(
        `stopping took longer than ${timeoutMs} ms, still ${step}; exiting without it, the next start redoes what is left\n`,
      );
      process.exit(1);
    }, timeoutMs).unref();
    const server = app.getHttpServer() as Server;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    const cutOff = setTimeout(() => server.closeAllConnections(), Math.min(DRAIN_MS, timeoutMs / 2));
    drained
      .then(() => {
        clearTimeout(cutOff);
        step = 'stopping the leased work, the consumers and the stores';
        return app.close();
      })
      .then(
        () => process.kill(process.pid, signal),
        (error: unknown) => {
          process.stderr.write(`stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop).once('SIGINT', stop);
}

/** What `main.ts` does: read the configuration, build the app, listen; a start that fails says why and exits 1. */
export function runService(name: string, build: (config: ServiceConfig) => Promise<INestApplication>): void {
  const start = async () => {
    const config = loadServiceConfig(name);
    startTracing(config.service, { otlpEndpoint: config.otlpEndpoint });
    const app = await build(config);
    await app.listen(config.port, '0.0.0.0');
    stopGracefullyOnSignals(app, config.stopTimeoutMs);
  };
  start().catch((error: unknown) => {
    process.stderr.write(`${name} failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
