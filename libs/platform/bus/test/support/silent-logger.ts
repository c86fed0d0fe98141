import pino from 'pino';

/** Tests provoke failures on purpose; their log lines would only hide real output. */
export const silentLogger = pino({ level: 'silent' });
