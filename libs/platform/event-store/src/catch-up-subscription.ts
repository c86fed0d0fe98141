import { EventEmitter } from 'node:events';
import { RecordedEvent } from './envelope';
import { EventHandler, ReadAllOptions, SubscribeOptions, Subscription } from './port';

export interface CatchUpSource {
  /** Events after the position, in global order, already filtered; at most `batchSize`. */
  readBatch(after: number, batchSize: number): Promise<RecordedEvent[]>;
  /** Emits 'appended' when this process appends, and where the file system reports it, when others do. */
  readonly appends: EventEmitter;
  /** How often to look for appends made by other processes. */
  readonly pollIntervalMs: number;
}

const BATCH_SIZE = 500;

/** A catch-up subscription over any store that can read its global order in batches. */
export class CatchUpSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly done: Promise<void>;
  private current: number;
  private closing = false;
  private wakeUp: (() => void) | undefined;
  private markCaughtUp!: () => void;
  private failCaughtUp!: (error: unknown) => void;

  constructor(
    after: number,
    private readonly source: CatchUpSource,
    private readonly handler: EventHandler,
  ) {
    this.current = after;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.failCaughtUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    this.done = this.run();
    this.done.catch(() => undefined);
  }

  get position(): number {
    return this.current;
  }

  async close(): Promise<void> {
    this.closing = true;
    this.wakeUp?.();
    await this.done;
  }

  private async run(): Promise<void> {
    try {
      while (!this.closing) {
        const batch = await this.source.readBatch(this.current, BATCH_SIZE);
        for (const event of batch) {
          if (this.closing) return;
          await this.handler(event);
          this.current = event.position;
        }
        if (batch.length < BATCH_SIZE) {
          this.markCaughtUp();
          await this.nextChange();
        }
      }
    } catch (error) {
      this.failCaughtUp(error);
      throw error;
    } finally {
      this.markCaughtUp();
    }
  }

  private nextChange(): Promise<void> {
    if (this.closing) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.source.appends.off('appended', wake);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(wake, this.source.pollIntervalMs);
      this.source.appends.on('appended', wake);
      this.wakeUp = wake;
    });
  }
}

/**
 * The subscriptions of one store instance: wakes them when this process appends, and closes
 * them all when the store closes.
 */
export class LiveSubscriptions {
  private readonly appends = new EventEmitter().setMaxListeners(0);
  private readonly open = new Set<Subscription>();

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    private readonly pollIntervalMs: number,
  ) {}

  notifyAppended(): void {
    this.appends.emit('appended');
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    const subscription = new CatchUpSubscription(
      options.after,
      {
        readBatch: (after, maxCount) => this.readAll({ after, maxCount, filter: options.filter }),
        appends: this.appends,
        pollIntervalMs: this.pollIntervalMs,
      },
      handler,
    );
    this.open.add(subscription);
    subscription.done.then(
      () => this.open.delete(subscription),
      () => this.open.delete(subscription),
    );
    return subscription;
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.open].map((subscription) => subscription.close()));
  }
}
