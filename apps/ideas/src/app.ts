import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@bildungsregion/service-runtime';
import { IdeasModule } from './ideas.module';

/** Builds the ideas service; `listen` is left to the caller (main, or a test on a random port). */
export function createIdeasApp(config: ServiceConfig): Promise<INestApplication> {
  return createServiceApp(IdeasModule.forRoot(config), config);
}
