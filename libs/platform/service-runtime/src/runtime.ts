import { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Bus, createLogger, Logger, PublicEvent, Relay, RelayStatus } from '@bildungsregion/bus';
import { EventStore, RecordedEvent } from '@bildungsregion/event-store';
import { ComponentHealth, HealthReporter, LeaseStatus, Metrics, probe } from '@bildungsregion/http';
import {
  ProjectedDocument,
  Projection,
  ProjectionRunner,
  ProjectionStatus,
  ReadModelStore,
} from '@bildungsregion/read-models';
import { LeaseKeeper } from './lease-keeper';
import { SealKeeper, SealStatus } from './seals';
import { shutDownTracing } from './tracing';

/** The moving parts behind a service's API (projections, relay), as its module starts and stops them. */
export interface ServiceRuntime extends HealthReporter {
  start(options: { readonly seedSampleData: boolean }): Promise<void>;
  /** Publishes and applies what is in hand, then stops; runs before the bus closes. */
  stop(): Promise<void>;
  /** Closes the stores, last. */
  close(): Promise<void>;
}

/** Injection token of the service's runtime. */
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');

/** Starts the runtime on bootstrap and stops it before the bus closes; provided by `serviceModule`. */
export class ServiceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly seedSampleData: boolean,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start({ seedSampleData: this.seedSampleData });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.close();
    await shutDownTracing();
  }
}

export interface RuntimeHealth {
  /** `ok`: everything works; `degraded`: commands work but the bus lags (the relay catches up later); `down`: not ready. */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly eventStore: ComponentHealth;
  readonly readModels: ComponentHealth;
  readonly projections: readonly ProjectionStatus[];
  readonly relay: RelayStatus;
  /**
   * Messages of the consumed topics not yet handled by the service's consumer group, per topic, and
   * the partitions this instance handles (the group's other members handle the rest).
   */
  readonly consumer?: ComponentHealth & {
    readonly lag?: Record<string, number>;
    readonly partitions: Readonly<Record<string, readonly number[]>>;
  };
  /** The latest seal of the store and the streams that fail verification. */
  readonly seals: SealStatus;
  /** Who does the work one instance at a time may do: projections, relay, sealing. */
  readonly lease: LeaseStatus;
}

/** How this instance shares the service's work with the others. */
export interface InstanceSettings {
  /** This instance, unique among the service's instances. */
  readonly instance: string;
  /** How long the lease on the projections, relay and sealing lasts unless renewed. */
  readonly leaseTtlMs: number;
}

/** What a service hands the runtime: the folds behind its queries, what it publishes, what it consumes. */
export interface RuntimeParts {
  readonly service: string;
  readonly projections: readonly Projection<ProjectedDocument>[];
  readonly relay: {
    readonly topic: string;
    /** The stream categories whose events may become public. */
    readonly categories: readonly string[];
    toPublicEvent(event: RecordedEvent): PublicEvent | null;
  };
  /** Other services' topics it consumes; their lag shows in /health and /metrics. */
  readonly consumes?: readonly string[];
  /** The consumer group it consumes with. */
  readonly consumerGroup?: string;
  /** Work that reacts to the service's own store, started after the seed and stopped first. */
  readonly background?: readonly { start(): Promise<void>; stop(): Promise<void> }[];
  /** Runs after the projections and the relay started, e.g. to define reference data or seed sample data. */
  seed?(options: { readonly seedSampleData: boolean; readonly logger: Logger }): Promise<void>;
}

/**
 * The runtime every service has: its projections, the relay that publishes its public events, and the
 * lag of what it consumes, started after the store and stopped before the bus closes.
 */
export class StandardRuntime implements ServiceRuntime {
  readonly projections: readonly ProjectionRunner<ProjectedDocument>[];
  readonly relay: Relay;
  readonly lease: LeaseKeeper;
  private readonly logger: Logger;
  private seedSampleData = false;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly bus: Bus,
    metrics: Metrics,
    private readonly parts: RuntimeParts,
    readonly seals: SealKeeper,
    instance: InstanceSettings,
    private readonly partitions: () => Readonly<Record<string, readonly number[]>> = () => ({}),
  ) {
    this.logger = createLogger(`${parts.service}:runtime`);
    this.lease = new LeaseKeeper(
      readModels,
      `${parts.service}.workers`,
      instance.instance,
      instance.leaseTtlMs,
      { start: () => this.startLeasedWork(), stop: () => this.stopLeasedWork() },
      this.logger,
    );
    this.projections = parts.projections.map((projection) => new ProjectionRunner(store, readModels, projection));
    this.relay = new Relay({
      name: `${parts.service}.relay`,
      source: parts.service,
      topic: parts.relay.topic,
      store,
      bus,
      checkpoints: readModels,
      filter: { categories: [...parts.relay.categories] },
      toPublicEvent: (event) => parts.relay.toPublicEvent(event),
      logger: this.logger,
    });
    registerLagGauges(metrics, { projections: this.projections, relay: this.relay });
    metrics.gauge(
      'service_lease_held',
      'Whether this instance holds the lease on the work one instance at a time does',
      ['lease', 'instance'],
      async (gauge) =>
        gauge.set({ lease: this.lease.name, instance: this.lease.instance }, this.lease.holdsLease ? 1 : 0),
    );
    metrics.gauge(
      'event_store_broken_streams',
      'Streams whose recorded history fails verification',
      [],
      async (gauge) => gauge.set(seals.status().brokenStreams.length),
    );
    metrics.gauge('event_store_seal_age_seconds', 'Seconds since the store was last sealed', [], async (gauge) => {
      const sealedAt = seals.status().latestSealedAt;
      if (sealedAt) gauge.set((Date.now() - Date.parse(sealedAt)) / 1_000);
    });
    if (this.consumes.length > 0) {
      metrics.gauge(
        'bus_consumer_lag_messages',
        'Messages of a consumed topic not yet handled by this service',
        ['topic'],
        async (gauge) => {
          for (const [topic, lag] of Object.entries(await this.consumerLag())) gauge.set({ topic }, lag);
        },
      );
      metrics.gauge(
        'bus_consumer_partitions',
        'Partitions of a consumed topic that this instance handles',
        ['topic'],
        async (gauge) => {
          const assigned = this.partitions();
          for (const topic of this.consumes) gauge.set({ topic }, assigned[topic]?.length ?? 0);
        },
      );
    }
  }

  /** The runner of the named projection, e.g. for a reaction that must wait until it caught up. */
  projection(name: string): ProjectionRunner<ProjectedDocument> {
    const runner = this.projections[this.parts.projections.findIndex((projection) => projection.name === name)];
    if (!runner) throw new Error(`${this.parts.service} has no projection ${name}.`);
    return runner;
  }

  /**
   * Checks the store against its latest seal, then either takes the service's lease and starts the
   * projections, the relay, the seed, the background work and sealing, or stands by while another
   * instance holds it (and takes over when that one dies).
   */
  async start(options: { seedSampleData: boolean }): Promise<void> {
    this.seedSampleData = options.seedSampleData;
    await this.seals.start();
    // Consumed topics too, so their lag can be reported before the first message arrives.
    await this.bus.ensureTopics([this.parts.relay.topic, ...this.consumes]);
    await this.standBy();
    await this.lease.start();
  }

  /** Publishes what the relay holds and applies what the projections hold, then stops them and releases the lease. */
  async stop(): Promise<void> {
    this.logger.info('stopping: finishing the leased work and releasing the lease');
    await this.lease.stop();
  }

  private async startLeasedWork(): Promise<void> {
    for (const runner of this.projections) await runner.start();
    await this.relay.start();
    await this.parts.seed?.({ seedSampleData: this.seedSampleData, logger: this.logger });
    for (const worker of this.parts.background ?? []) await worker.start();
    await this.seals.startSealing();
  }

  private async stopLeasedWork(): Promise<void> {
    for (const worker of this.parts.background ?? []) await worker.stop();
    await this.seals.stopSealing();
    await this.standBy();
  }

  private async standBy(): Promise<void> {
    await this.relay.standBy();
    for (const runner of this.projections) await runner.standBy();
  }

  async close(): Promise<void> {
    this.logger.info('stopping: closing the read models and the event store');
    await this.readModels.close();
    await this.store.close();
  }

  async health(): Promise<RuntimeHealth> {
    let lag: Record<string, number> | undefined;
    const [eventStore, readModels, projections, relay, consumer, lease] = await Promise.all([
      probe(() => this.store.lastRevision('health-probe')),
      probe(() => this.readModels.loadCheckpoint(`${this.parts.service}.relay`)),
      Promise.all(this.projections.map((runner) => runner.status())),
      this.relay.status(),
      this.consumes.length > 0 ? probe(async () => (lag = await this.consumerLag())) : undefined,
      this.lease.status(),
    ]);
    const down =
      eventStore.status === 'down' ||
      readModels.status === 'down' ||
      projections.some((status) => status.state === 'failed' || status.state === 'stopped');
    const seals = this.seals.status();
    const degraded =
      (relay.state !== 'running' && relay.state !== 'standby') ||
      consumer?.status === 'down' ||
      seals.brokenStreams.length > 0 ||
      !!seals.lastError ||
      !!lease.lastError;
    return {
      status: down ? 'down' : degraded ? 'degraded' : 'ok',
      eventStore,
      readModels,
      projections,
      relay,
      ...(consumer ? { consumer: { ...consumer, ...(lag ? { lag } : {}), partitions: this.partitions() } } : {}),
      seals,
      lease,
    };
  }

  private get consumes(): readonly string[] {
    return this.parts.consumes ?? [];
  }

  private consumerLag(): Promise<Record<string, number>> {
    return this.bus.consumerLag(this.parts.consumerGroup ?? this.parts.service, this.consumes);
  }
}

/**
 * The lag gauges every runtime reports: per projection how many events are not applied yet and how old
 * the oldest is, and how many public events the relay has not published yet. One scrape reads each
 * projection's status once for both projection gauges.
 */
export function registerLagGauges(
  metrics: Metrics,
  parts: {
    readonly projections: readonly { status(): Promise<ProjectionStatus> }[];
    readonly relay: { status(): Promise<{ readonly name: string; readonly lagEvents: number }> };
  },
): void {
  let pending: Promise<ProjectionStatus[]> | undefined;
  const statuses = () =>
    (pending ??= Promise.all(parts.projections.map((projection) => projection.status())).finally(
      () => (pending = undefined),
    ));
  metrics.gauge('projection_lag_events', 'Events not yet applied to a read model', ['projection'], async (gauge) => {
    for (const status of await statuses()) gauge.set({ projection: status.name }, status.lagEvents);
  });
  metrics.gauge(
    'projection_lag_seconds',
    'Age of the oldest event not yet applied to a read model',
    ['projection'],
    async (gauge) => {
      for (const status of await statuses()) gauge.set({ projection: status.name }, status.lagSeconds);
    },
  );
  metrics.gauge('relay_lag_events', 'Stored public events not yet on the bus', ['relay'], async (gauge) => {
    const status = await parts.relay.status();
    gauge.set({ relay: status.name }, status.lagEvents);
  });
}
