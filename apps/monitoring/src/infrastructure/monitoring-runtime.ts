import { Bus, Relay, RelayStatus, createLogger } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { ComponentHealth, Metrics, probe, registerLagGauges, ServiceRuntime } from '@bildungsregion/http';
import { ProjectedDocument, ProjectionRunner, ProjectionStatus, ReadModelStore } from '@bildungsregion/read-models';
import { Monitoring, SERVICE_NAME } from '../application/monitoring';
import { MONITORING_PROJECTIONS } from '../application/projections';
import { toPublicEvent } from '../application/public-events';
import { seedCatalogue, seedSampleMeasurements } from '../application/sample-data';
import { INDICATOR_CATEGORY, RELEASE_CATEGORY } from '../application/streams';

export interface Health {
  /** `ok`: everything works; `degraded`: commands work but the bus lags (the relay catches up later); `down`: not ready. */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly eventStore: ComponentHealth;
  readonly readModels: ComponentHealth;
  readonly projections: readonly ProjectionStatus[];
  readonly relay: RelayStatus;
}

/**
 * The moving parts behind the API: the projections that feed the catalogue, series, comparisons and
 * releases, and the relay that publishes monitoring's public events.
 */
export class MonitoringRuntime implements ServiceRuntime {
  readonly projections: readonly ProjectionRunner<ProjectedDocument>[];
  readonly relay: Relay;
  private readonly logger = createLogger(`${SERVICE_NAME}:runtime`);

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly bus: Bus,
    private readonly monitoring: Monitoring,
    metrics: Metrics,
  ) {
    this.projections = MONITORING_PROJECTIONS.map((projection) => new ProjectionRunner<ProjectedDocument>(store, readModels, projection as never));
    this.relay = new Relay({
      name: `${SERVICE_NAME}.relay`,
      source: SERVICE_NAME,
      topic: Topics.monitoring,
      store,
      bus,
      checkpoints: readModels,
      filter: { categories: [INDICATOR_CATEGORY, RELEASE_CATEGORY] },
      toPublicEvent,
      logger: this.logger,
    });
    registerLagGauges(metrics, { projections: this.projections, relay: this.relay });
  }

  async start(options: { seedSampleData: boolean }): Promise<void> {
    for (const runner of this.projections) await runner.start();
    await this.bus.ensureTopics([Topics.monitoring]);
    await this.relay.start();
    const defined = await seedCatalogue(this.monitoring, this.store);
    if (defined > 0) this.logger.info({ defined }, 'defined the starter indicator catalogue');
    if (options.seedSampleData) {
      const recorded = await seedSampleMeasurements(this.monitoring);
      if (recorded > 0) this.logger.info({ recorded }, 'recorded synthetic sample measurements');
    }
  }

  async stop(): Promise<void> {
    await this.relay.stop();
    for (const runner of this.projections) await runner.stop();
  }

  async close(): Promise<void> {
    await this.readModels.close();
    await this.store.close();
  }

  async health(): Promise<Health> {
    const [eventStore, readModels, projections, relay] = await Promise.all([
      probe(() => this.store.lastRevision('health-probe')),
      probe(() => this.readModels.loadCheckpoint(MONITORING_PROJECTIONS[0].name)),
      Promise.all(this.projections.map((runner) => runner.status())),
      this.relay.status(),
    ]);
    const down = eventStore.status === 'down' || readModels.status === 'down' || projections.some((status) => status.state === 'failed' || status.state === 'stopped');
    return { status: down ? 'down' : relay.state !== 'running' ? 'degraded' : 'ok', eventStore, readModels, projections, relay };
  }
}
