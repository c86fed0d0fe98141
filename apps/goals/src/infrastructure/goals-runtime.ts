import { Bus, Relay, RelayStatus, createLogger } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { ComponentHealth, Metrics, probe, registerLagGauges, ServiceRuntime } from '@bildungsregion/http';
import { ProjectionRunner, ProjectionStatus, ReadModelStore } from '@bildungsregion/read-models';
import { GOAL_CATEGORY } from '../application/goal-streams';
import { GoalSummary, goalSummaryProjection } from '../application/goal-summary.projection';
import { Goals, SERVICE_NAME } from '../application/goals';
import { toPublicEvent } from '../application/public-events';
import { seedSampleGoals } from '../application/sample-goals';

export interface Health {
  /** `ok`: everything works; `degraded`: commands work but the bus lags (the relay catches up later); `down`: not ready. */
  readonly status: 'ok' | 'degraded' | 'down';
  readonly eventStore: ComponentHealth;
  readonly readModels: ComponentHealth;
  readonly projection: ProjectionStatus;
  readonly relay: RelayStatus;
  /** Monitoring messages not yet handled by goals' consumer group, per topic. */
  readonly consumer: ComponentHealth & { readonly lag?: Record<string, number> };
}

/**
 * The moving parts behind the API: the projection that feeds the goal list and the relay that
 * publishes goals' public events. They start after the store and stop before the bus closes.
 */
export class GoalsRuntime implements ServiceRuntime {
  readonly projection: ProjectionRunner<GoalSummary>;
  readonly relay: Relay;
  private readonly logger = createLogger(`${SERVICE_NAME}:runtime`);

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly bus: Bus,
    private readonly goals: Goals,
    metrics: Metrics,
  ) {
    this.projection = new ProjectionRunner(store, readModels, goalSummaryProjection);
    this.relay = new Relay({
      name: `${SERVICE_NAME}.relay`,
      source: SERVICE_NAME,
      topic: Topics.goals,
      store,
      bus,
      checkpoints: readModels,
      filter: { categories: [GOAL_CATEGORY] },
      toPublicEvent,
      logger: this.logger,
    });
    registerLagGauges(metrics, { projections: [this.projection], relay: this.relay });
    metrics.gauge('bus_consumer_lag_messages', 'Messages of a consumed topic not yet handled by this service', ['topic'], async (gauge) => {
      for (const [topic, lag] of Object.entries(await this.consumerLag())) gauge.set({ topic }, lag);
    });
  }

  async start(options: { seedSampleData: boolean }): Promise<void> {
    await this.projection.start();
    // Monitoring's topic too: goals consumes it and reports its lag there.
    await this.bus.ensureTopics([Topics.goals, Topics.monitoring]);
    await this.relay.start();
    if (options.seedSampleData) {
      const seeded = await seedSampleGoals(this.goals, this.store);
      if (seeded > 0) this.logger.info({ seeded }, 'seeded synthetic sample goals');
    }
  }

  /** Publishes what the relay holds and applies what the projection holds, then stops both. */
  async stop(): Promise<void> {
    await this.relay.stop();
    await this.projection.stop();
  }

  async close(): Promise<void> {
    await this.readModels.close();
    await this.store.close();
  }

  async health(): Promise<Health> {
    let lag: Record<string, number> | undefined;
    const [eventStore, readModels, projection, relay, consumer] = await Promise.all([
      probe(() => this.store.lastRevision('health-probe')),
      probe(() => this.readModels.loadCheckpoint(goalSummaryProjection.name)),
      this.projection.status(),
      this.relay.status(),
      probe(async () => (lag = await this.consumerLag())),
    ]);
    const down = eventStore.status === 'down' || readModels.status === 'down' || projection.state === 'failed' || projection.state === 'stopped';
    const degraded = relay.state !== 'running' || consumer.status === 'down';
    return { status: down ? 'down' : degraded ? 'degraded' : 'ok', eventStore, readModels, projection, relay, consumer: { ...consumer, ...(lag ? { lag } : {}) } };
  }

  private consumerLag(): Promise<Record<string, number>> {
    return this.bus.consumerLag(SERVICE_NAME, [Topics.monitoring]);
  }
}
