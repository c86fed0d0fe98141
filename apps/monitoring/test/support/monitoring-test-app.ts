import { INestApplication } from '@nestjs/common';
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import request from 'supertest';
import { createMonitoringApp } from '../../src/app';
import { loadConfig, MonitoringConfig } from '../../src/infrastructure/config';

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
  readonly config: MonitoringConfig;
  close(): Promise<void>;
}

export async function startMonitoring(environment: Environment): Promise<TestApp> {
  const config: MonitoringConfig = {
    ...loadConfig({}),
    ...environment,
    readModelsDb: environment.readModelsDb ?? 'monitoring',
    topicNamespace: environment.topicNamespace ?? '',
    seedSampleData: false,
    logLevel: 'silent',
  };
  const app = await createMonitoringApp(config);
  await app.init();
  return { app, config, http: () => request(app.getHttpServer()), close: () => app.close() };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function tokens(): Promise<{ coordinator: string; auditor: string; actor: string }> {
  return {
    coordinator: await issueToken(DEVELOPMENT_SECRET, { role: 'coordinator' }),
    auditor: await issueToken(DEVELOPMENT_SECRET, { role: 'auditor' }),
    actor: await issueToken(DEVELOPMENT_SECRET, { role: 'actor', actorId: 'stadt-bramsche' }),
  };
}
