import { MicroBatcher } from '../src';

describe('MicroBatcher', () => {
  it('processes items added in one turn together, a full batch at once, and one batch at a time', async () => {
    const batches: number[][] = [];
    let running = 0;
    let overlapped = false;
    const batcher = new MicroBatcher<number>(3, async (batch) => {
      overlapped ||= running > 0;
      running++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      batches.push([...batch]);
      running--;
    });
    const added = [1, 2, 3, 4, 5].map((item) => batcher.add(item));
    await Promise.all(added);
    await batcher.flush();
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(overlapped).toBe(false);
  });

  it('rejects the flush of a failed batch and goes on with the next one', async () => {
    const processed: string[][] = [];
    const batcher = new MicroBatcher<string>(10, async (batch) => {
      if (batch.includes('poison')) throw new Error('cannot process poison');
      processed.push([...batch]);
    });
    void batcher.add('poison');
    await expect(batcher.flush()).rejects.toThrow('cannot process poison');
    void batcher.add('fine');
    await batcher.flush();
    expect(processed).toEqual([['fine']]);
  });

  it('drops what was not processed yet when told to', async () => {
    const processed: number[][] = [];
    const batcher = new MicroBatcher<number>(10, async (batch) => {
      processed.push([...batch]);
    });
    void batcher.add(1);
    batcher.discard();
    await batcher.flush();
    expect(processed).toEqual([]);
  });

  it('ends a flush once what was added before it is processed, while items keep coming', async () => {
    const processed: number[] = [];
    const batcher = new MicroBatcher<number>(5, async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      processed.push(...batch);
    });
    for (let item = 0; item < 10; item++) void batcher.add(item);
    let next = 10;
    let flushed = false;
    const feeding = (async () => {
      while (!flushed && next < 200) {
        void batcher.add(next++);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    await batcher.flush();
    flushed = true;
    await feeding;
    expect(processed.slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(next).toBeLessThan(200);
  });

  it('with a spacing, gathers items that come one at a time under load, and sends a lone item after a quiet spell at once', async () => {
    const batches: { items: number[]; at: number }[] = [];
    const started = performance.now();
    const batcher = new MicroBatcher<number>(
      100,
      async (batch) => void batches.push({ items: [...batch], at: performance.now() - started }),
      40,
    );
    void batcher.add(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([{ items: [0], at: expect.any(Number) }]);
    for (let item = 1; item <= 10; item++) {
      void batcher.add(item);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Without the spacing each item would be a batch of its own.
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.flatMap(({ items }) => items)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [, second] = batches;
    expect(second?.at).toBeGreaterThanOrEqual(38);

    await new Promise((resolve) => setTimeout(resolve, 50));
    const quietFrom = performance.now() - started;
    void batcher.add(11);
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.at(-1)).toEqual({ items: [11], at: expect.any(Number) });
    expect((batches.at(-1)?.at ?? 0) - quietFrom).toBeLessThan(20);
  });
});
