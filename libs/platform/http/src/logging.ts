import { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options } from 'pino-http';

export const CORRELATION_HEADER = 'x-correlation-id';
const CORRELATION_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's correlation id when it sends a usable one, else a new one; echoed in the response. */
export function correlationIdOf(request: IncomingMessage, response: ServerResponse): string {
  const sent = request.headers[CORRELATION_HEADER];
  const id = typeof sent === 'string' && CORRELATION_PATTERN.test(sent) ? sent : randomUUID();
  response.setHeader('X-Correlation-Id', id);
  return id;
}

/** JSON logs (stdout unless a destination is given): one line per request with its correlation id, and the app's own log lines. */
export function loggingModule(
  service: string,
  level = process.env['LOG_LEVEL'] ?? 'info',
  destination?: DestinationStream,
): DynamicModule {
  const options: Options = {
    name: service,
    level,
    genReqId: correlationIdOf,
    customProps: (request) => ({ correlationId: request.id }),
    autoLogging: { ignore: (request) => request.url === '/health/live' || request.url === '/metrics' },
    // Method, URL and status only: headers would carry bearer tokens into the logs.
    serializers: {
      req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
  return LoggerModule.forRoot({ pinoHttp: destination ? [options, destination] : options });
}
