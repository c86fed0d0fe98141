import { createLogger } from '@bildungsregion/bus';
import { InMemoryReadModelStore, LeaseStore } from '@bildungsregion/read-models';
import { eventually } from '@bildungsregion/testing';
import { LeaseKeeper, LeasedWork } from '../src/lease-keeper';

/** Work that records what it is asked to do. */
function recordedWork(): LeasedWork & { readonly log: string[]; running: boolean } {
  const work = {
    log: [] as string[],
    running: false,
    async start() {
      work.log.push('start');
      work.running = true;
    },
    async stop() {
      work.log.push('stop');
      work.running = false;
    },
  };
  return work;
}

/** The leases as an instance sees them that hangs (a long pause, a stalled connection) until resumed. */
function pausable(leases: LeaseStore): LeaseStore & { pause(): void; resume(): void } {
  let paused: Promise<void> | undefined;
  let resume = () => undefined as void;
  const wait = async () => {
    await paused;
  };
  return {
    pause: () => {
      paused = new Promise<void>((resolve) => (resume = resolve));
    },
    resume: () => {
      paused = undefined;
      resume();
    },
    acquireLease: async (...args) => {
      await wait();
      return leases.acquireLease(...args);
    },
    releaseLease: async (...args) => leases.releaseLease(...args),
    leaseOf: async (name) => leases.leaseOf(name),
  };
}

const logger = createLogger('lease-test');

describe('the lease keeper', () => {
  it('lets one of two instances do the work, and the other take over when the holder stops', async () => {
    const leases = new InMemoryReadModelStore();
    const [workA, workB] = [recordedWork(), recordedWork()];
    const a = new LeaseKeeper(leases, 'demo.workers', 'a', 300, workA, logger);
    const b = new LeaseKeeper(leases, 'demo.workers', 'b', 300, workB, logger);
    await a.start();
    await b.start();
    expect([workA.running, workB.running]).toEqual([true, false]);
    expect(await b.status()).toMatchObject({ held: false, holder: 'a', instance: 'b' });

    await a.stop();
    expect(workA.log).toEqual(['start', 'stop']);
    await eventually(async () => workB.running, 1_000);
    expect((await b.status()).holder).toBe('b');
    await b.stop();
  });

  it('stops the work of a holder that paused past its lease once another took it over', async () => {
    const leases = new InMemoryReadModelStore();
    const seenByA = pausable(leases);
    const [workA, workB] = [recordedWork(), recordedWork()];
    const a = new LeaseKeeper(seenByA, 'demo.workers', 'a', 300, workA, logger);
    const b = new LeaseKeeper(leases, 'demo.workers', 'b', 300, workB, logger);
    await a.start();
    await b.start();
    seenByA.pause();

    await eventually(async () => workB.running, 2_000);
    expect(workA.running).toBe(true);
    seenByA.resume();
    await eventually(async () => !workA.running, 1_000);
    expect(workA.log).toEqual(['start', 'stop']);
    expect(await a.status()).toMatchObject({ held: false, holder: 'b' });
    await a.stop();
    await b.stop();
  });

  it('fails to start when the work fails to start, and reports why', async () => {
    const leases = new InMemoryReadModelStore();
    const failing: LeasedWork = {
      start: async () => {
        throw new Error('projection demo.counts failed at event 7');
      },
      stop: async () => undefined,
    };
    const keeper = new LeaseKeeper(leases, 'demo.workers', 'a', 300, failing, logger);
    await expect(keeper.start()).rejects.toThrow(/event 7/);
    expect((await keeper.status()).lastError).toMatch(/event 7/);
    await keeper.stop();
  });
});
