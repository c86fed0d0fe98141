import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Metrics, setUpOpenApi } from '@bildungsregion/http';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { GoalsModule } from './goals.module';
import { GoalsConfig } from './infrastructure/config';

/** Builds the goals service; `listen` is left to the caller (main, or a test on a random port). */
export async function createGoalsApp(config: GoalsConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GoalsModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  app.useLogger(app.get(Logger));
  // Large enough that an oversized field is refused by validation with its name, not by the parser.
  app.useBodyParser('json', { limit: '512kb' });
  app.use(app.get(Metrics).middleware);
  app.enableShutdownHooks();
  setUpOpenApi(app, {
    title: 'Bildungsregion goals',
    description: 'Zielabstimmung und Zielkontrolle: target agreements, progress control and audit replay.',
    version: '1',
  });
  return app;
}
