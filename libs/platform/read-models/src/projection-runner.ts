import {
  EventStore,
  LAG_COUNT_LIMIT,
  lagBehind,
  MicroBatcher,
  RecordedEvent,
  StoreCheckpoints,
  Subscription,
} from '@bildungsregion/event-store';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Projection, ProjectedDocument } from './projection';
import { ReadModelCollection, ReadModelStore } from './port';

export interface ProjectionStatus {
  readonly name: string;
  /** `standby`: another instance of the service keeps the projection; the position is the one it saved. */
  readonly state: 'stopped' | 'standby' | 'catching-up' | 'live' | 'failed';
  /** Position of the last event applied. */
  readonly position: number;
  /** Events of this projection not yet applied, counted up to `LAG_COUNT_LIMIT`. */
  readonly lagEvents: number;
  /** Age of the oldest event not yet applied, 0 when up to date. */
  readonly lagSeconds: number;
  readonly error?: string;
}

export interface ProjectionRunnerOptions {
  /** Most events applied in one round trip to the read models. */
  readonly batchSize?: number;
}

/**
 * Keeps one projection up to date: subscribes to the store from the checkpoint kept with the read
 * models (for this store only, see `StoreCheckpoints`) and applies events in batches (one read and one write per batch). Events that arrive
 * together are applied together; a lone event is applied at once. The checkpoint is saved after
 * each batch, and the projection rebuilds from scratch on request.
 */
export class ProjectionRunner<T extends ProjectedDocument> {
  private subscription: Subscription | undefined;
  private readonly documents: ReadModelCollection<T>;
  private readonly batcher: MicroBatcher<RecordedEvent>;
  private appliedPosition = 0;
  private failure: Error | undefined;
  private live = false;
  private standingBy = false;
  private readonly checkpoints: StoreCheckpoints;
  /** Emits 'moved' after each applied batch and on failure, for those waiting to catch up. */
  private readonly moves = new EventEmitter().setMaxListeners(0);

  /**
   * The projection's name and a fingerprint of its definition: a projection whose code or version
   * changed finds no checkpoint of its own and rebuilds its documents from the first event.
   */
  readonly checkpointName: string;

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelStore,
    private readonly projection: Projection<T>,
    options: ProjectionRunnerOptions = {},
  ) {
    this.checkpointName = `${projection.name}#${definitionOf(projection)}`;
    this.documents = readModels.collection<T>(projection.collection, projection.indexes);
    this.checkpoints = new StoreCheckpoints(store, readModels);
    this.batcher = new MicroBatcher(options.batchSize ?? 500, (batch) => this.applyBatch(batch));
  }

  /** Starts from the saved checkpoint; resolves once the projection has caught up. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.failure = undefined;
    this.live = false;
    this.standingBy = false;
    this.appliedPosition = await this.checkpoints.loadCheckpoint(this.checkpointName);
    // From the start means nothing of this store is applied: whatever the collection holds is foreign.
    if (this.appliedPosition === 0) await this.documents.clear();
    const subscription = this.store.subscribe(
      { after: this.appliedPosition, filter: this.projection.filter },
      (event) => this.take(event),
    );
    this.subscription = subscription;
    subscription.done.catch((error: Error) => this.fail(error));
    await subscription.caughtUp;
    await this.batcher.flush();
    if (this.failure) throw this.failure;
    this.live = true;
  }

  /** Applies what it has taken and stops. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    this.subscription = undefined;
    await subscription.close();
    await this.batcher.flush();
  }

  /** Stops, and from now on follows the checkpoint that another instance saves. */
  async standBy(): Promise<void> {
    await this.stop();
    this.standingBy = true;
  }

  /** Empties the read model and applies every event again. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.documents.clear();
    await this.checkpoints.saveCheckpoint(this.checkpointName, 0);
    await this.start();
  }

  /**
   * Resolves once every event stored before the call is applied, so a reader of the read model sees
   * at least what the store held then; with `types`, once every such event of these types is (a
   * reader that depends only on what they change need not wait for the others). Rejects after
   * `timeoutMs`, e.g. while the projection is failed.
   */
  async caughtUpWithStore(timeoutMs = 30_000, types?: readonly string[]): Promise<void> {
    let target = await this.position();
    const filter = types ? { ...this.projection.filter, types } : this.projection.filter;
    for (;;) {
      const pending = await this.store.readAll({ after: target, filter, maxCount: LAG_COUNT_LIMIT });
      if (pending.length === 0) break;
      target = (pending[pending.length - 1] as RecordedEvent).position;
    }
    const deadline = Date.now() + timeoutMs;
    let position = await this.position();
    while (position < target) {
      if (this.failure) throw this.failure;
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        throw new Error(
          `The projection ${this.projection.name} is at position ${position}, behind ${target}, after ${timeoutMs} ms.`,
        );
      }
      await (this.standingBy ? sleep(Math.min(remaining, STANDBY_POLL_MS)) : this.nextMove(remaining));
      position = await this.position();
    }
  }

  /** The position applied here, or the one the instance that keeps the projection saved. */
  private async position(): Promise<number> {
    return this.standingBy ? this.checkpoints.loadCheckpoint(this.checkpointName) : this.appliedPosition;
  }

  private nextMove(withinMs: number): Promise<void> {
    return new Promise((resolve) => {
      const moved = () => {
        clearTimeout(timer);
        this.moves.off('moved', moved);
        resolve();
      };
      const timer = setTimeout(moved, withinMs);
      this.moves.on('moved', moved);
    });
  }

  async status(): Promise<ProjectionStatus> {
    // While the read models are unreachable, the position last known here.
    const position = await this.position().catch(() => this.appliedPosition);
    const lag = await lagBehind(this.store, position, this.projection.filter);
    return {
      name: this.projection.name,
      state: this.state(),
      position,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      ...(this.failure ? { error: this.failure.message } : {}),
    };
  }

  private state(): ProjectionStatus['state'] {
    if (this.failure) return 'failed';
    if (this.standingBy) return 'standby';
    if (!this.subscription) return 'stopped';
    return this.live ? 'live' : 'catching-up';
  }

  private async take(event: RecordedEvent): Promise<void> {
    if (this.failure) throw this.failure;
    await this.batcher.add(event);
    if (this.failure) throw this.failure;
  }

  private async applyBatch(batch: readonly RecordedEvent[]): Promise<void> {
    if (this.failure) return;
    try {
      await this.apply(batch);
    } catch {
      await this.applyOneByOne(batch);
    }
  }

  /**
   * Folds a batch over the current documents; an event at or below a document's position is skipped,
   * and a document stored at a later position meanwhile is left as it is.
   */
  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const touched = batch.map((event) => [event, this.projection.documentIds(event)] as const);
    const ids = [...new Set(touched.flatMap(([, documentIds]) => documentIds))];
    const stored = await this.documents.getMany(ids);
    const current = new Map<string, T | null>(stored.map((document) => [document.id, document]));
    const changed = new Map<string, T | null>();
    for (const [event, documentIds] of touched) {
      for (const id of documentIds) {
        const document = current.get(id) ?? null;
        if (document && document.projectedPosition >= event.position) continue;
        const next = this.projection.evolve(document, event, id);
        const stored = next === null ? null : ({ ...next, id, projectedPosition: event.position } as T);
        current.set(id, stored);
        changed.set(id, stored);
      }
    }
    const upserts = [...changed.values()].filter((document): document is T => document !== null);
    // Conditional: another instance that took over may already have written a later state.
    await this.documents.upsertNewer(upserts, new Set(stored.map((document) => document.id)));
    const last = batch.at(-1)?.position ?? this.appliedPosition;
    for (const [id, document] of changed) if (document === null) await this.documents.deleteUnlessNewer(id, last);
    await this.checkpoints.saveCheckpoint(this.checkpointName, last);
    this.appliedPosition = last;
    this.moves.emit('moved');
  }

  /** After a failed batch, applies what precedes the failing event, so the checkpoint stops right before it. */
  private async applyOneByOne(batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      try {
        await this.apply([event]);
      } catch (error) {
        this.fail(error as Error);
        return;
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.moves.emit('moved');
    this.batcher.discard();
    void this.subscription?.close();
  }
}

/** How often a standing-by runner looks at the checkpoint another instance saves. */
const STANDBY_POLL_MS = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a projection writes follows from these; a change in any of them gives another fingerprint. */
function definitionOf(projection: Projection<ProjectedDocument>): string {
  const { collection, version, filter, indexes, documentIds, evolve } = projection;
  const definition = JSON.stringify([
    collection,
    version ?? 1,
    filter ?? null,
    indexes ?? [],
    `${documentIds}`,
    `${evolve}`,
  ]);
  return createHash('sha256').update(definition).digest('hex').slice(0, 12);
}
