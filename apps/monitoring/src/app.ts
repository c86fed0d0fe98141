import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Metrics, setUpOpenApi } from '@bildungsregion/http';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { MAX_IMPORT_BYTES } from './http/measurement-imports.controller';
import { MonitoringConfig } from './infrastructure/config';
import { MonitoringModule } from './monitoring.module';

/** Builds the monitoring service; `listen` is left to the caller (main, or a test on a random port). */
export async function createMonitoringApp(config: MonitoringConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(MonitoringModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: '512kb' });
  app.useBodyParser('text', { type: 'text/csv', limit: MAX_IMPORT_BYTES });
  app.use(app.get(Metrics).middleware);
  app.enableShutdownHooks();
  setUpOpenApi(app, {
    title: 'Bildungsregion monitoring',
    description: 'Bildungsmonitoring: the indicator catalogue, measurements per municipality and period, CSV imports and data releases.',
    version: '1',
  });
  return app;
}
