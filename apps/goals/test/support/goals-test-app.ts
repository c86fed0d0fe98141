import { INestApplication } from '@nestjs/common';
import { DEVELOPMENT_SECRET, issueToken, Role } from '@bildungsregion/http';
import request from 'supertest';
import { createGoalsApp } from '../../src/app';
import { GoalsConfig, loadConfig } from '../../src/infrastructure/config';

export interface Environment {
  readonly eventStoreUrl: string;
  readonly busUrl: string;
  readonly readModelsUrl: string;
  readonly readModelsDb?: string;
  readonly topicNamespace?: string;
}

export interface TestApp {
  readonly app: INestApplication;
  readonly http: () => ReturnType<typeof request>;
  readonly config: GoalsConfig;
  close(): Promise<void>;
}

export async function startGoals(environment: Environment): Promise<TestApp> {
  const config: GoalsConfig = {
    ...loadConfig({}),
    ...environment,
    readModelsDb: environment.readModelsDb ?? 'goals',
    topicNamespace: environment.topicNamespace ?? '',
    seedSampleData: false,
    logLevel: 'silent',
  };
  const app = await createGoalsApp(config);
  await app.init();
  return { app, config, http: () => request(app.getHttpServer()), close: () => app.close() };
}

export interface Tokens {
  readonly coordinator: string;
  readonly auditor: string;
  readonly admin: string;
  actor(actorId: string): Promise<string>;
}

export async function tokens(): Promise<Tokens> {
  const issue = (role: Role, actorId?: string) => issueToken(DEVELOPMENT_SECRET, { role, ...(actorId ? { actorId } : {}) });
  return {
    coordinator: await issue('coordinator'),
    auditor: await issue('auditor'),
    admin: await issue('admin'),
    actor: (actorId) => issue('actor', actorId),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

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
