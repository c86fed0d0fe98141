import pino, { Logger } from 'pino';

export type { Logger } from 'pino';

/** JSON logs on stderr; LOG_LEVEL chooses how much. */
export function createLogger(name: string): Logger {
  return pino({ name, level: process.env['LOG_LEVEL'] ?? 'info' }, pino.destination(2));
}
