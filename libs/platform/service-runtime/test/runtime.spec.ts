import { busFromUrl, createLogger } from '@bildungsregion/bus';
import { InMemoryEventStore, SealKey } from '@bildungsregion/event-store';
import { Metrics } from '@bildungsregion/http';
import { InMemoryReadModelStore, ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { eventually } from '@bildungsregion/testing';
import { SealKeeper, StandardRuntime } from '../src';

const counts: Projection<ProjectedDocument & { count: number }> = {
  name: 'demo.counts',
  collection: 'counts',
  filter: { categories: ['demo'] },
  documentIds: () => ['all'],
  evolve: (current) => ({ id: 'all', count: (current?.count ?? 0) + 1 }),
};

describe('the standard service runtime', () => {
  it('is down until its projections run, ok while everything works, reports consumer lag, and is down when the store fails', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const bus = busFromUrl('memory:');
    const metrics = new Metrics('demo');
    const seals = new SealKeeper(
      'goals',
      store,
      bus,
      SealKey.generate(),
      { trustedKeyFiles: [], intervalSeconds: 0 },
      createLogger('seals'),
    );
    const runtime = new StandardRuntime(
      store,
      readModels,
      bus,
      metrics,
      {
        service: 'demo',
        projections: [counts as unknown as Projection<ProjectedDocument>],
        relay: { topic: 'bildung.demo.v1', categories: ['demo'], toPublicEvent: () => null },
        consumes: ['bildung.monitoring.v1'],
        seed: async ({ seedSampleData }) => {
          if (seedSampleData)
            await store.append(
              'demo-1',
              [
                {
                  type: 'Counted',
                  data: {},
                  metadata: { actor: { id: 'seed', role: 'admin' }, correlationId: 'c', source: 'demo' },
                },
              ],
              'no-stream',
            );
        },
      },
      seals,
      { instance: 'demo-a', leaseTtlMs: 10_000 },
    );
    try {
      expect((await runtime.health()).status).toBe('down');
      await runtime.start({ seedSampleData: true });
      await eventually(async () => (await runtime.health()).projections[0]?.lagEvents === 0, 5_000);
      expect(await runtime.health()).toMatchObject({
        status: 'ok',
        projections: [{ name: 'demo.counts', state: 'live' }],
        relay: { state: 'running' },
        seals: { latestSequence: null, brokenStreams: [] },
        consumer: { status: 'up', lag: { 'bildung.monitoring.v1': 0 } },
        lease: { name: 'demo.workers', instance: 'demo-a', held: true, holder: 'demo-a' },
      });
      expect(await readModels.collection('counts').get('all')).toMatchObject({ count: 1 });
      expect(await metrics.render()).toMatch(
        /bus_consumer_lag_messages\{topic="bildung.monitoring.v1",service="demo"\} 0/,
      );
      expect(() => runtime.projection('demo.other')).toThrow(/no projection demo.other/);
      jest.spyOn(store, 'lastRevision').mockRejectedValueOnce(new Error('disk I/O error'));
      expect(await runtime.health()).toMatchObject({
        status: 'down',
        eventStore: { status: 'down', error: 'disk I/O error' },
      });
    } finally {
      await runtime.stop();
      await bus.close();
      await runtime.close();
    }
  });

  it('runs projections, relay and sealing in one of two instances, and the other takes over when it stops', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const bus = busFromUrl('memory:');
    const instance = (name: string) =>
      new StandardRuntime(
        store,
        readModels,
        bus,
        new Metrics('demo'),
        {
          service: 'demo',
          projections: [counts as unknown as Projection<ProjectedDocument>],
          relay: { topic: 'bildung.demo.v1', categories: ['demo'], toPublicEvent: () => null },
        },
        new SealKeeper(
          'demo',
          store,
          bus,
          SealKey.generate(),
          { trustedKeyFiles: [], intervalSeconds: 0 },
          createLogger('seals'),
        ),
        { instance: name, leaseTtlMs: 300 },
      );
    const count = (name: string) =>
      store.append(
        name,
        [{ type: 'Counted', data: {}, metadata: { actor: { id: 'a', role: 'admin' }, source: 'demo' } }],
        'any',
      );
    const first = instance('demo-a');
    const second = instance('demo-b');
    try {
      await first.start({ seedSampleData: false });
      await second.start({ seedSampleData: false });
      await count('demo-1');
      await second.projection('demo.counts').caughtUpWithStore(5_000);
      expect(await readModels.collection('counts').get('all')).toMatchObject({ count: 1 });
      expect(await second.health()).toMatchObject({
        status: 'ok',
        projections: [{ state: 'standby', position: 1, lagEvents: 0 }],
        relay: { state: 'standby' },
        lease: { held: false, holder: 'demo-a', instance: 'demo-b' },
      });
      expect((await first.health()).lease).toMatchObject({ held: true, holder: 'demo-a' });

      await first.stop();
      await eventually(async () => (await second.health()).lease.held, 2_000);
      await count('demo-2');
      await second.projection('demo.counts').caughtUpWithStore(5_000);
      expect(await readModels.collection('counts').get('all')).toMatchObject({ count: 2 });
      expect(await second.health()).toMatchObject({
        status: 'ok',
        projections: [{ state: 'live', position: 2 }],
        relay: { state: 'running' },
        lease: { held: true, holder: 'demo-b' },
      });
    } finally {
      await second.stop();
      await first.stop();
      await bus.close();
    }
  });
});
