import { Environment, startTestApp, TestApp } from '@bildungsregion/service-testing';
import { createMonitoringApp } from '../../src/app';

export function startMonitoring(environment: Environment): Promise<TestApp> {
  return startTestApp('monitoring', createMonitoringApp, environment);
}
