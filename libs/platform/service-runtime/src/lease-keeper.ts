import { Logger } from '@bildungsregion/bus';
import type { LeaseStatus } from '@bildungsregion/http';
import { LeaseStore } from '@bildungsregion/read-models';

/** Work that one instance of a service at a time may do. */
export interface LeasedWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Does leased work while this instance holds the lease: it asks for the lease every third of the
 * lease's length, which renews it for the holder and lets another instance take it over once it
 * has expired. A holder that dies is replaced within about 1⅓ lease lengths; one that stops
 * releases the lease, and the next ask takes it. A holder that learns another took its lease (after
 * a pause longer than the lease) stops the work; whatever both wrote meanwhile is written by
 * position or deduplicated, so the overlap changes nothing.
 */
export class LeaseKeeper {
  private held = false;
  private heldUntil = 0;
  private running = false;
  private asking = false;
  private timer: NodeJS.Timeout | undefined;
  /** Starts and stops of the work, one after another. */
  private transitions: Promise<void> = Promise.resolve();
  /** The latest start of the work; renewals go on while it runs, e.g. while projections catch up. */
  private workStarted: Promise<void> = Promise.resolve();
  private lastError: string | undefined;

  constructor(
    private readonly leases: LeaseStore,
    readonly name: string,
    readonly instance: string,
    private readonly ttlMs: number,
    private readonly work: LeasedWork,
    private readonly logger: Logger,
  ) {}

  /**
   * Resolves once this instance either started the work or found the lease held by another; rejects
   * when it took the lease and the work failed to start.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.ask();
    this.timer = setInterval(() => void this.ask(), Math.max(1, Math.floor(this.ttlMs / 3)));
    this.timer.unref();
    await this.workStarted;
  }

  /** Stops the work if this instance does it and releases the lease for another to take at once. */
  async stop(): Promise<void> {
    this.running = false;
    clearInterval(this.timer);
    await this.transitions;
    if (!this.held) return;
    this.held = false;
    await this.transition(() => this.work.stop());
    await this.leases.releaseLease(this.name, this.instance).catch((error: Error) => {
      this.logger.warn({ err: error, lease: this.name }, 'releasing the lease failed; it expires instead');
    });
  }

  get holdsLease(): boolean {
    return this.held;
  }

  async status(): Promise<LeaseStatus> {
    const stored = await this.leases.leaseOf(this.name).catch(() => null);
    return {
      name: this.name,
      instance: this.instance,
      held: this.held,
      holder: stored?.holder ?? null,
      expiresAt: stored?.expiresAt ?? null,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private async ask(): Promise<void> {
    if (this.asking || !this.running) return;
    this.asking = true;
    try {
      const askedAt = Date.now();
      let granted: boolean;
      try {
        granted = await this.leases.acquireLease(this.name, this.instance, this.ttlMs);
        this.lastError = undefined;
      } catch (error) {
        this.lastError = `asking for the lease failed: ${(error as Error).message}`;
        // Nobody can take the lease over while its store is unreachable; give the work up once it ran out.
        if (this.held && Date.now() >= this.heldUntil) this.lose('the lease ran out while its store was unreachable');
        return;
      }
      if (!this.running) return;
      if (granted) {
        this.heldUntil = askedAt + this.ttlMs;
        if (this.held) return;
        this.held = true;
        this.logger.info({ lease: this.name, instance: this.instance }, 'took the lease; starting the leased work');
        this.workStarted = this.transition(() => this.work.start());
      } else if (this.held) {
        this.lose('another instance took the lease');
      }
    } finally {
      this.asking = false;
    }
  }

  private lose(reason: string): void {
    this.held = false;
    this.logger.warn({ lease: this.name, instance: this.instance }, `${reason}; stopping the leased work`);
    void this.transition(() => this.work.stop());
  }

  /** The step after those before it; its failure is logged and reported, and does not hold up the next. */
  private transition(step: () => Promise<void>): Promise<void> {
    const next = this.transitions.then(step);
    this.transitions = next.catch((error: Error) => {
      this.lastError = error.message;
      this.logger.error({ err: error, lease: this.name }, 'starting or stopping the leased work failed');
    });
    return next;
  }
}
