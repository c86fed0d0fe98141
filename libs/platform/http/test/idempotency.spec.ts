import { Principal } from '@bildungsregion/application';
import { SqliteEventStore } from '@bildungsregion/event-store';
import { useTempDir } from '@bildungsregion/testing';
import { join } from 'node:path';
import { IdempotencyStore, ProblemError, StoredResponse } from '../src';

const coordinator: Principal = { id: 'k.meyer', role: 'coordinator' };
const created = (body: unknown): StoredResponse => ({ status: 201, headers: {}, body });

/** Rejects with the problem's code, so a test can say which answer it expects. */
const problemOf = (pending: Promise<unknown>) =>
  pending.then(
    () => 'ran',
    (error: unknown) => (error instanceof ProblemError ? `${error.status} ${error.code}` : String(error)),
  );

describe('Idempotency-Key across instances that share one event store', () => {
  const dir = useTempDir();
  const stores: SqliteEventStore[] = [];
  const instance = (options: { claimTtlMs?: number } = {}) => {
    const store = new SqliteEventStore({ file: join(dir(), 'shared.sqlite') });
    stores.push(store);
    return new IdempotencyStore(store, 'goals', undefined, options.claimTtlMs);
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  it('runs a request sent to two instances at once only once, and answers both from then on with its response', async () => {
    const [first, second] = [instance(), instance()];
    let runs = 0;
    let finish: () => void = () => undefined;
    const slow = () =>
      new Promise<StoredResponse>((resolve) => {
        runs++;
        finish = () => resolve(created({ progressId: 'p-1' }));
      });
    const running = first.run(coordinator, 'key-1', 'fingerprint', slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await problemOf(second.run(coordinator, 'key-1', 'fingerprint', slow))).toBe(
      '409 idempotency-key-in-flight',
    );
    expect(await problemOf(second.run(coordinator, 'key-1', 'another request', slow))).toBe(
      '422 idempotency-key-reused',
    );
    finish();
    expect(await running).toEqual({ response: created({ progressId: 'p-1' }), replayed: false });
    for (const store of [first, second])
      expect(await store.run(coordinator, 'key-1', 'fingerprint', slow)).toEqual({
        response: created({ progressId: 'p-1' }),
        replayed: true,
      });
    expect(runs).toBe(1);
  });

  it('lets exactly one of many requests that race for one key on two instances run', async () => {
    const [first, second] = [instance(), instance()];
    let runs = 0;
    const execute = async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return created({ run: runs });
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) => problemOf((n % 2 ? first : second).run(coordinator, 'key-2', 'f', execute))),
    );
    expect(runs).toBe(1);
    expect(answers.filter((answer) => answer === 'ran')).toHaveLength(1);
    expect(new Set(answers.filter((answer) => answer !== 'ran'))).toEqual(new Set(['409 idempotency-key-in-flight']));
  });

  it('frees the key of a failed request at once, and that of an instance that died mid-request after the claim lasts', async () => {
    const survivor = instance({ claimTtlMs: 100 });
    await expect(
      survivor.run(coordinator, 'key-3', 'f', async () => {
        throw new Error('the goal was not found');
      }),
    ).rejects.toThrow('the goal was not found');
    expect(await survivor.run(coordinator, 'key-3', 'f', async () => created('second try'))).toEqual({
      response: created('second try'),
      replayed: false,
    });

    const dying = instance();
    void dying.run(coordinator, 'key-4', 'f', () => new Promise<StoredResponse>(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await problemOf(survivor.run(coordinator, 'key-4', 'f', async () => created('too early')))).toBe(
      '409 idempotency-key-in-flight',
    );
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await survivor.run(coordinator, 'key-4', 'f', async () => created('after the claim lapsed'))).toEqual({
      response: created('after the claim lapsed'),
      replayed: false,
    });
  });
});
