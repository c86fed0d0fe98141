import { cuttableProxy, describeWith, ferretDbForTests } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { MongooseReadModelStore, ReadModelsUnavailableError } from '../src';

describeWith(ferretDbForTests(), 'mongoose read models when the server goes away', (url) => {
  it('reports every operation as unavailable, not as a failure of the request', async () => {
    const proxy = await cuttableProxy(new URL(url).host);
    const store = await MongooseReadModelStore.connect(`mongodb://${proxy.address}/`, {
      dbName: `outage_${randomUUID().slice(0, 8)}`,
      serverSelectionTimeoutMS: 1_000,
    });
    try {
      const goals = store.collection<{ id: string; title: string }>('goals');
      await goals.upsert({ id: 'g1', title: 'Krippenplätze' });
      expect(await goals.get('g1')).toEqual({ id: 'g1', title: 'Krippenplätze' });
      proxy.cut();
      await expect(goals.find({})).rejects.toThrow(ReadModelsUnavailableError);
      await expect(goals.get('g1')).rejects.toThrow(ReadModelsUnavailableError);
      await expect(store.loadCheckpoint('goals.summary')).rejects.toThrow(ReadModelsUnavailableError);
      // Also once the driver has noticed the outage and counts the server as gone.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await expect(goals.count({})).rejects.toThrow(ReadModelsUnavailableError);
    } finally {
      proxy.cut();
      await store.close();
    }
  }, 30_000);
});
