import { INestApplication } from '@nestjs/common';
import { createServiceApp, ServiceConfig } from '@bildungsregion/service-runtime';
import { MAX_IMPORT_BYTES } from './http/measurement-imports.controller';
import { MonitoringModule } from './monitoring.module';

/** Builds the monitoring service; `listen` is left to the caller (main, or a test on a random port). */
export function createMonitoringApp(config: ServiceConfig): Promise<INestApplication> {
  return createServiceApp(MonitoringModule.forRoot(config), config, {
    textBodies: [{ type: 'text/csv', limit: MAX_IMPORT_BYTES }],
  });
}
