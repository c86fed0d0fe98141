import { performance } from 'node:perf_hooks';

/**
 * Groups what a subscriber takes one at a time into batches: items added in the same turn of the
 * event loop are processed together, a lone item at once, and `add` waits while a full batch is
 * processed, which holds back the subscription. Batches are processed one after another.
 *
 * With a spacing, a batch starts at least that long after the one before, so under sustained load
 * items gather into fewer, larger batches; after a quiet spell a lone item still goes at once.
 */
export class MicroBatcher<Item> {
  private pending: Item[] = [];
  private processing: Promise<void> = Promise.resolve();
  private scheduled = false;
  /** Items added and items taken for processing (or discarded) since the start, so a flush knows where "so far" ends. */
  private added = 0;
  private taken = 0;
  private lastStartedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly maxSize: number,
    private readonly process: (batch: readonly Item[]) => Promise<void>,
    private readonly spacingMs = 0,
  ) {}

  async add(item: Item): Promise<void> {
    this.pending.push(item);
    this.added++;
    if (this.pending.length >= this.maxSize) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    const flushLater = () => {
      this.scheduled = false;
      this.flush().catch(() => undefined);
    };
    const wait = this.lastStartedAt + this.spacingMs - performance.now();
    if (wait > 0) setTimeout(flushLater, wait);
    else setImmediate(flushLater);
  }

  /**
   * Processes everything added so far, at most `maxSize` at a time; rejects when a batch failed.
   * What is added meanwhile is left to later flushes, so a flush ends while items keep coming.
   */
  flush(): Promise<void> {
    const addedSoFar = this.added;
    const run = this.processing.then(async () => {
      while (this.taken < addedSoFar && this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxSize);
        this.taken += batch.length;
        this.lastStartedAt = performance.now();
        await this.process(batch);
      }
    });
    this.processing = run.catch(() => undefined);
    return run;
  }

  /** Drops what was added but not yet processed. */
  discard(): void {
    this.taken += this.pending.length;
    this.pending = [];
  }
}
