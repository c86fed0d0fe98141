import { INestApplication } from '@nestjs/common';
import { Role } from '@bildungsregion/application';
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { loadServiceConfig, ServiceConfig } from '@bildungsregion/service-runtime';
import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';

/** Where a service under test keeps its events, messages and read models. */
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
  readonly config: ServiceConfig;
  close(): Promise<void>;
}

/** Starts a service in this process on the given environment, without sample data and without logs. */
export async function startTestApp(
  service: string,
  createApp: (config: ServiceConfig) => Promise<INestApplication>,
  environment: Environment,
): Promise<TestApp> {
  const config: ServiceConfig = {
    // Files kept beside the event store (seal key, personal data keys) follow it into the test's directory.
    ...loadServiceConfig(service, { EVENT_STORE_URL: environment.eventStoreUrl }),
    ...environment,
    readModelsDb: environment.readModelsDb ?? service,
    topicNamespace: environment.topicNamespace ?? '',
    seedSampleData: false,
    logLevel: 'silent',
  };
  const app = await createApp(config);
  await app.init();
  return { app, config, http: () => request(app.getHttpServer()), close: () => app.close() };
}

export interface Tokens {
  readonly coordinator: string;
  readonly auditor: string;
  readonly admin: string;
  actor(actorId: string): Promise<string>;
}

/** Bearer tokens of every role, signed with the development secret the services use by default. */
export async function tokens(): Promise<Tokens> {
  const issue = (role: Role, actorId?: string) =>
    issueToken(DEVELOPMENT_SECRET, { role, ...(actorId ? { actorId } : {}) });
  return {
    coordinator: await issue('coordinator'),
    auditor: await issue('auditor'),
    admin: await issue('admin'),
    actor: (actorId) => issue('actor', actorId),
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** An API suite: given where to run and where the event store file is, it defines its tests. */
export type ApiSuite = (environment: () => Environment, eventStoreFile: () => string) => void;

/** Runs a service's API suite on the embedded defaults: SQLite event store, SQLite bus, in-memory read models. */
export function onEmbeddedDefaults(service: string, suite: ApiSuite): void {
  describe(`${service} API on the embedded defaults (SQLite event store, SQLite bus, in-memory read models)`, () => {
    const dir = useTempDir();
    suite(
      () => ({
        eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`,
        busUrl: `sqlite:${join(dir(), 'bus.sqlite')}`,
        readModelsUrl: 'memory:',
      }),
      () => join(dir(), 'events.sqlite'),
    );
  });
}

/** Runs a service's API suite on a real Kafka broker and FerretDB (skipped with the reason when they do not answer, failed when REQUIRE_INFRA names them). */
export function onKafkaAndFerretDb(service: string, suite: ApiSuite): void {
  describeWith(kafkaForTests(), `${service} API on Kafka`, (brokers) => {
    describeWith(ferretDbForTests(), 'and mongoose read models', (mongoUrl) => {
      const dir = useTempDir();
      const run = randomUUID().slice(0, 8);
      suite(
        () => ({
          eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`,
          busUrl: `kafka://${brokers}`,
          readModelsUrl: mongoUrl,
          readModelsDb: `${service}_api_${run}`,
          topicNamespace: `${service}-api-${run}`,
        }),
        () => join(dir(), 'events.sqlite'),
      );
    });
  });
}
