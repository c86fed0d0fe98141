import { Environment, startTestApp, TestApp } from '@bildungsregion/service-testing';
import { createIdeasApp } from '../../src/app';

export function startIdeas(environment: Environment): Promise<TestApp> {
  return startTestApp('ideas', createIdeasApp, environment);
}
