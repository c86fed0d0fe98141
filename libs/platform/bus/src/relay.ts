import {
  CheckpointStore,
  EventFilter,
  EventStore,
  lagBehind,
  MicroBatcher,
  RecordedEvent,
  StoreCheckpoints,
  Subscription,
  contextOf,
  traceparentOf,
  tracer,
} from '@bildungsregion/event-store';
import { SpanKind, trace } from '@opentelemetry/api';
import { IntegrationEvent } from '@bildungsregion/contracts';
import { createLogger, Logger } from './logger';
import { Bus, PublishRequest } from './port';

/** What a service makes public of one stored event. */
export interface PublicEvent {
  readonly type: string;
  readonly data: unknown;
  /** The aggregate; defaults to the stream id. It is also the message key. */
  readonly subject?: string;
}

export interface RelayOptions {
  /** Also the name of its checkpoint, e.g. `goals.relay`. */
  readonly name: string;
  /** The publishing service, `ce_source` on the wire. */
  readonly source: string;
  readonly topic: string;
  readonly store: EventStore;
  readonly bus: Bus;
  /** Where the checkpoint is kept, under the identity of the store (see `StoreCheckpoints`). */
  readonly checkpoints: CheckpointStore;
  readonly filter?: EventFilter;
  /** The public form of a stored event, or null for an internal event that stays in the service. */
  toPublicEvent(event: RecordedEvent): PublicEvent | null;
  readonly batchSize?: number;
  /** Under sustained load, how long after one batch the next starts (default 10 ms); see `MicroBatcher`. */
  readonly batchSpacingMs?: number;
  readonly retryDelayMs?: number;
  readonly logger?: Logger;
}

/**
 * Each batch costs a bus write and a checkpoint write, each waiting for the disk; without spacing, a
 * service that appends one event at a time would publish one event per batch.
 */
const DEFAULT_BATCH_SPACING_MS = 10;

export interface RelayStatus {
  readonly name: string;
  /** `standby`: another instance of the service relays; the checkpoint is the one it saved. */
  readonly state: 'stopped' | 'standby' | 'running' | 'retrying';
  /** Position of the last stored event known to be on the bus (or internal). */
  readonly checkpoint: number;
  readonly lagEvents: number;
  readonly lagSeconds: number;
  readonly lastError?: string;
}

/**
 * The outbox relay: publishes the public events of the service's own store to its topic, in store
 * order, from a checkpoint. The checkpoint moves only after the bus acknowledged, so a crash
 * republishes at most the last batch, under the same ids (the stored events' ids), which consumers
 * recognise.
 */
export class Relay {
  private subscription: Subscription | undefined;
  private checkpoint = 0;
  private stopping = false;
  private standingBy = false;
  private lastError: string | undefined;
  /** Every event taken, with its public form or null for an internal one: both move the checkpoint. */
  private readonly batcher: MicroBatcher<{ readonly position: number; readonly request: PublishRequest | null }>;
  private readonly retryDelayMs: number;
  private readonly logger: Logger;
  private readonly checkpoints: StoreCheckpoints;

  constructor(private readonly options: RelayOptions) {
    this.checkpoints = new StoreCheckpoints(options.store, options.checkpoints);
    this.batcher = new MicroBatcher(
      options.batchSize ?? 200,
      (batch) => this.publish(batch),
      options.batchSpacingMs ?? DEFAULT_BATCH_SPACING_MS,
    );
    this.retryDelayMs = options.retryDelayMs ?? 1_000;
    this.logger = options.logger ?? createLogger(`relay:${options.name}`);
  }

  /** Starts from the checkpoint; resolves once everything stored so far is on the bus. */
  async start(): Promise<void> {
    if (this.subscription) return;
    this.stopping = false;
    this.standingBy = false;
    this.checkpoint = await this.checkpoints.loadCheckpoint(this.options.name);
    await this.subscribe();
    await this.batcher.flush();
  }

  /** Follows the store from the checkpoint; when reading the store fails, starts over from there after a pause. */
  private async subscribe(): Promise<void> {
    const subscription = this.options.store.subscribe(
      { after: this.checkpoint, filter: this.options.filter },
      (event) => this.take(event),
    );
    this.subscription = subscription;
    subscription.done.catch(async (error: Error) => {
      if (this.subscription !== subscription) return;
      this.lastError = error.message;
      this.logger.error(
        { err: error, relay: this.options.name },
        'reading the store failed; resuming from the checkpoint',
      );
      await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      if (this.subscription !== subscription || this.stopping) return;
      await this.batcher.flush();
      await this.subscribe();
    });
    await subscription.caughtUp.catch(() => undefined);
  }

  /** Publishes what it has taken (unless the bus is down), saves the checkpoint and stops. */
  async stop(): Promise<void> {
    const subscription = this.subscription;
    if (!subscription) return;
    this.subscription = undefined;
    await subscription.close();
    this.stopping = true;
    await this.batcher.flush();
  }

  /** Stops, and from now on reports the checkpoint that another instance saves. */
  async standBy(): Promise<void> {
    await this.stop();
    this.standingBy = true;
  }

  async status(): Promise<RelayStatus> {
    const checkpoint = this.standingBy
      ? await this.checkpoints.loadCheckpoint(this.options.name).catch(() => this.checkpoint)
      : this.checkpoint;
    const lag = await lagBehind(this.options.store, checkpoint, this.options.filter);
    return {
      name: this.options.name,
      state: this.state(),
      checkpoint,
      lagEvents: lag.events,
      lagSeconds: lag.seconds,
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private state(): RelayStatus['state'] {
    if (this.standingBy) return 'standby';
    if (!this.subscription) return 'stopped';
    return this.lastError ? 'retrying' : 'running';
  }

  private take(event: RecordedEvent): Promise<void> {
    const published = this.options.toPublicEvent(event);
    return this.batcher.add({
      position: event.position,
      request: published ? { topic: this.options.topic, event: this.integrationEventOf(event, published) } : null,
    });
  }

  /**
   * The integration event, in the trace the stored event was recorded in: a publish span there, ended
   * at once (the relay publishes later, in batches), whose context travels as `ce_traceparent`.
   */
  private integrationEventOf(event: RecordedEvent, published: PublicEvent): IntegrationEvent {
    let traceparent: string | undefined;
    if (event.metadata.traceparent) {
      const recordedIn = contextOf(event.metadata.traceparent);
      const span = tracer.startSpan(
        `publish ${this.options.topic}`,
        { kind: SpanKind.PRODUCER, attributes: { 'messaging.destination.name': this.options.topic } },
        recordedIn,
      );
      span.end();
      traceparent = traceparentOf(trace.setSpan(recordedIn, span));
    }
    return {
      ...(traceparent ? { traceparent } : {}),
      id: event.id,
      type: published.type,
      source: this.options.source,
      subject: published.subject ?? event.streamId,
      time: event.recordedAt,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      data: published.data,
    };
  }

  /**
   * Publishes a batch and then moves the checkpoint past it; retries while the bus refuses. When
   * stopping it gives up instead: the checkpoint has not moved, so the next start publishes the batch.
   */
  private async publish(batch: readonly { position: number; request: PublishRequest | null }[]): Promise<void> {
    const requests = batch.flatMap(({ request }) => (request ? [request] : []));
    const upTo = batch[batch.length - 1]?.position ?? this.checkpoint;
    for (;;) {
      try {
        if (requests.length > 0) await this.options.bus.publish(requests);
        await this.checkpoints.saveCheckpoint(this.options.name, upTo);
        this.checkpoint = upTo;
        this.lastError = undefined;
        return;
      } catch (error) {
        this.lastError = (error as Error).message;
        this.logger.error(
          { err: error, relay: this.options.name, events: requests.length },
          'publishing failed; retrying',
        );
        if (this.stopping) return;
        await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
      }
    }
  }
}
