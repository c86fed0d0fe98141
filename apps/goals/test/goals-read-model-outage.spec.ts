import { bearer, TestApp, tokens } from '@bildungsregion/service-testing';
import { cuttableProxy, describeWith, ferretDbForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { draftBody, startGoals } from './support/goals-test-app';

describeWith(ferretDbForTests(), 'goals when its read models go away', (mongoUrl) => {
  const dir = useTempDir();

  it('answers queries 503 with Retry-After, still takes commands, and says so in /health', async () => {
    const proxy = await cuttableProxy(new URL(mongoUrl).host);
    const auth = await tokens();
    const service: TestApp = await startGoals({
      eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`,
      busUrl: `sqlite:${join(dir(), 'bus.sqlite')}`,
      readModelsUrl: `mongodb://${proxy.address}/?serverSelectionTimeoutMS=1000`,
      readModelsDb: `goals_outage_${randomUUID().slice(0, 8)}`,
    });
    try {
      await service.http().get('/goals').set(bearer(auth.coordinator)).expect(200);
      proxy.cut();
      const list = await service.http().get('/goals').set(bearer(auth.coordinator)).expect(503);
      expect(list.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(list.headers['retry-after']).toBe('5');
      expect(list.body).toMatchObject({ status: 503, code: 'read-models-unavailable' });
      const drafted = await service.http().post('/goals').set(bearer(auth.coordinator)).send(draftBody()).expect(201);
      expect(drafted.body.warnings).toEqual([expect.objectContaining({ code: 'directory-unavailable' })]);
      await service.http().get(`/goals/${drafted.body.goalId}`).set(bearer(auth.coordinator)).expect(200);
      const health = await service.http().get('/health').expect(503);
      expect(health.body).toMatchObject({ status: 'down', readModels: { status: 'down' } });
    } finally {
      await service.close().catch(() => undefined);
    }
  }, 60_000);
});
