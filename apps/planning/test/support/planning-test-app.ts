import { Environment, startTestApp, TestApp } from '@bildungsregion/service-testing';
import { createPlanningApp } from '../../src/app';

export function startPlanning(environment: Environment): Promise<TestApp> {
  return startTestApp('planning', createPlanningApp, environment);
}
