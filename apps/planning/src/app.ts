import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@bildungsregion/service-runtime';
import { PlanningModule } from './planning.module';

/** Builds the planning service; `listen` is left to the caller (main, or a test on a random port). */
export function createPlanningApp(config: ServiceConfig): Promise<INestApplication> {
  return createServiceApp(PlanningModule.forRoot(config), config);
}
