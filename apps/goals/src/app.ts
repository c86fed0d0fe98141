import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@bildungsregion/service-runtime';
import { GoalsModule } from './goals.module';

/** Builds the goals service; `listen` is left to the caller (main, or a test on a random port). */
export function createGoalsApp(config: ServiceConfig): Promise<INestApplication> {
  return createServiceApp(GoalsModule.forRoot(config), config);
}
