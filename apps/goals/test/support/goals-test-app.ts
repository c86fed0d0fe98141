import { Environment, startTestApp, TestApp } from '@bildungsregion/service-testing';
import { createGoalsApp } from '../../src/app';

export function startGoals(environment: Environment): Promise<TestApp> {
  return startTestApp('goals', createGoalsApp, environment);
}

/** Terms of a goal as a coordinator sends them; every test gets its own title. */
export function draftBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `Krippenplätze ${Math.random().toString(36).slice(2, 8)}`,
    description: 'Betreuungsquote unter 3 Jahren in Bramsche heben.',
    stage: 'fruehkindliche-bildung',
    regionKeys: ['03459008'],
    parties: [
      { id: 'stadt-bramsche', name: 'Stadt Bramsche', role: 'responsible' },
      { id: 'kita-traeger-nord', name: 'Kita-Träger Nord', role: 'contributing' },
    ],
    indicator: { key: 'betreuungsquote-u3', regionKey: '03459008' },
    baseline: { value: 35, date: '2026-01-01' },
    target: { value: 45, dueDate: '2028-01-01' },
    unit: '%',
    direction: 'higher',
    ...overrides,
  };
}
