/**
 * Groups what a subscriber takes one at a time into batches: items added in the same turn of the
 * event loop are processed together, a lone item at once, and `add` waits while a full batch is
 * processed, which holds back the subscription. Batches are processed one after another.
 */
export class MicroBatcher<Item> {
  private pending: Item[] = [];
  private processing: Promise<void> = Promise.resolve();
  private scheduled = false;

  constructor(
    private readonly maxSize: number,
    private readonly process: (batch: readonly Item[]) => Promise<void>,
  ) {}

  async add(item: Item): Promise<void> {
    this.pending.push(item);
    if (this.pending.length >= this.maxSize) return this.flush();
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush().catch(() => undefined);
    });
  }

  /** Processes everything added so far, at most `maxSize` at a time; rejects when a batch failed. */
  flush(): Promise<void> {
    const run = this.processing.then(async () => {
      while (this.pending.length > 0) await this.process(this.pending.splice(0, this.maxSize));
    });
    this.processing = run.catch(() => undefined);
    return run;
  }

  /** Drops what was added but not yet processed. */
  discard(): void {
    this.pending = [];
  }
}
