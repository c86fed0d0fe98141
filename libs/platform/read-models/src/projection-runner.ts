import { EventStore, lagBehind, Subscription } from '@bildungsregion/event-store';
import { Projection, ProjectedDocument } from './projection';
import { ReadModelCollection, ReadModelStore } from './port';

export interface ProjectionStatus {
  readonly name: string;
  readonly state: 'stopped' | 'catching-up' | 'live' | 'failed';
  /** Position of the last event applied. */
  readonly position: number;
  /** Events of this projection not yet applied, counted up to `LAG_COUNT_LIMIT`. */
  readonly lagEvents: number;
  /** Age of the oldest event not yet applied, 0 when up to date. */
  readonly lagSeconds: number;
  readonly error?: string;
}

export interface ProjectionRunnerOptions {
  /** Save the checkpoint after this many events… */
  readonly checkpointEvery?: number;
  /** …or after this long, whichever comes first. */
  readonly checkpointIntervalMs?: number;
}

/**
 * Keeps one projection up to date: subscribes to the store from the checkpoint kept with the read
 * models, applies each event, saves the checkpoint regularly and on stop, and rebuilds from scratch
 * on request.
 */
export class ProjectionRunner<T extends ProjectedDocument> {
  private subscription: Subscription | undefined;
  private readonly documents: ReadModelCollection<T>;
  private savedPosition = 0;
  private savedAt = 0;
  private failure: Error | undefined;
  private live = false;
  private readonly checkpointEvery: number;
  private readonly checkpointIntervalMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly projection: Projection<T>,
    options: ProjectionRunnerOptions = {},
  ) {
    this.documents = readModels.collection<T>(projection.collection, projection.indexes);
    this.checkpointEvery = options.checkpointEvery ?? 100;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? 250;
  }

  /** Starts from the saved checkpoint; resolves once the projection has caught up. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.failure = undefined;
    this.live = false;
    this.savedPosition = await this.readModels.loadCheckpoint(this.projection.name);
    this.savedAt = Date.now();
    const subscription = this.store.subscribe({ after: this.savedPosition, filter: this.projection.filter }, (event) => this.apply(event));
    this.subscription = subscription;
    subscription.done.catch((error: Error) => {
      this.failure = error;
      this.subscription = undefined;
    });
    await subscription.caughtUp;
    if (this.failure) throw this.failure;
    this.live = true;
    await this.saveCheckpoint(subscription.position);
  }

  /** Finishes the event in hand and saves the checkpoint. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    this.subscription = undefined;
    await subscription.close();
    await this.saveCheckpoint(subscription.position);
  }

  /** Empties the read model and applies every event again. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.documents.clear();
    await this.readModels.saveCheckpoint(this.projection.name, 0);
    await this.start();
  }

  async status(): Promise<ProjectionStatus> {
    const position = this.subscription?.position ?? this.savedPosition;
    const lag = await lagBehind(this.store, position, this.projection.filter);
    return {
      name: this.projection.name,
      state: this.failure ? 'failed' : !this.subscription ? 'stopped' : this.live ? 'live' : 'catching-up',
      position,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      ...(this.failure ? { error: this.failure.message } : {}),
    };
  }

  private async apply(event: Parameters<Projection<T>['evolve']>[1]): Promise<void> {
    for (const id of this.projection.documentIds(event)) {
      const current = await this.documents.get(id);
      if (current && current.projectedPosition >= event.position) continue;
      const next = this.projection.evolve(current, event, id);
      if (next === null) await this.documents.delete(id);
      else await this.documents.upsert({ ...next, id, projectedPosition: event.position } as T);
    }
    if (event.position - this.savedPosition >= this.checkpointEvery || Date.now() - this.savedAt >= this.checkpointIntervalMs) {
      await this.saveCheckpoint(event.position);
    }
  }

  private async saveCheckpoint(position: number): Promise<void> {
    if (position === this.savedPosition) return;
    await this.readModels.saveCheckpoint(this.projection.name, position);
    this.savedPosition = position;
    this.savedAt = Date.now();
  }
}
