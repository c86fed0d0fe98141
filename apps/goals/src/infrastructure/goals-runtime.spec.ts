import { busFromUrl } from '@bildungsregion/bus';
import { InMemoryEventStore } from '@bildungsregion/event-store';
import { Metrics } from '@bildungsregion/http';
import { InMemoryReadModelStore } from '@bildungsregion/read-models';
import { Goals } from '../application/goals';
import { eventually } from '@bildungsregion/testing';
import { GoalsRuntime } from './goals-runtime';

describe('goals runtime health', () => {
  it('is down until the projection runs, ok while everything works, and down when the store fails', async () => {
    const store = new InMemoryEventStore();
    const readModels = new InMemoryReadModelStore();
    const bus = busFromUrl('memory:');
    const runtime = new GoalsRuntime(store, readModels, bus, new Goals(store, readModels), new Metrics('goals'));
    try {
      expect((await runtime.health()).status).toBe('down');
      await runtime.start({ seedSampleData: true });
      await eventually(async () => (await runtime.health()).projection.lagEvents === 0, 5_000);
      expect(await runtime.health()).toMatchObject({ status: 'ok', projection: { state: 'live' }, relay: { state: 'running' }, consumer: { status: 'up', lag: { 'bildung.monitoring.v1': 0 } } });
      jest.spyOn(store, 'lastRevision').mockRejectedValueOnce(new Error('disk I/O error'));
      expect(await runtime.health()).toMatchObject({ status: 'down', eventStore: { status: 'down', error: 'disk I/O error' } });
    } finally {
      await runtime.stop();
      await bus.close();
      await runtime.close();
    }
  });
});
