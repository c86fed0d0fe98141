import { getJestProjectsAsync } from '@nx/jest';

/** Runs every project's tests in one jest process, so `npm test` ends with one summary. */
export default async () => ({
  projects: await getJestProjectsAsync(),
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tools/jest/closing-line-reporter.js'],
});
