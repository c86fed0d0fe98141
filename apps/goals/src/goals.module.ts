import { BeforeApplicationShutdown, DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Bus, BUS, BusModule } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { EVENT_STORE, HEALTH_SOURCE, loggingModule, Metrics, OperationsController, READ_MODELS, serviceProviders } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { Goals, SERVICE_NAME } from './application/goals';
import { GoalCommandsController } from './http/goal-commands.controller';
import { goalErrorToProblem } from './http/goal-errors';
import { GoalQueriesController } from './http/goal-queries.controller';
import { GoalsConfig } from './infrastructure/config';
import { GoalsRuntime } from './infrastructure/goals-runtime';
import { MonitoringEventsConsumer } from './infrastructure/monitoring-events.consumer';
import { MeasurementReactions } from './application/measurement-reactions';

const CONFIG = Symbol('GOALS_CONFIG');

/** Starts the projection and the relay with the app, and stops them before the bus closes. */
class GoalsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(GoalsRuntime) private readonly runtime: GoalsRuntime,
    @Inject(CONFIG) private readonly config: GoalsConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start({ seedSampleData: this.config.seedSampleData });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runtime.close();
  }
}

@Module({})
export class GoalsModule {
  static forRoot(config: GoalsConfig): DynamicModule {
    const metrics = new Metrics(SERVICE_NAME);
    const deadLetters = metrics.counter('bus_dead_letters_total', 'Consumed messages moved to a dead-letter topic', ['topic']);
    return {
      module: GoalsModule,
      imports: [
        loggingModule(SERVICE_NAME, config.logLevel),
        BusModule.forRoot({
          url: config.busUrl,
          groupId: SERVICE_NAME,
          publishes: [Topics.goals],
          topicNamespace: config.topicNamespace,
          onDeadLetter: ({ topic }) => deadLetters.inc({ topic }),
        }),
      ],
      controllers: [GoalCommandsController, GoalQueriesController, OperationsController],
      providers: [
        { provide: CONFIG, useValue: config },
        ...serviceProviders(config, { metrics, mapError: goalErrorToProblem }),
        { provide: Goals, inject: [EVENT_STORE, READ_MODELS], useFactory: (store: EventStore, readModels: ReadModelStore) => new Goals(store, readModels) },
        {
          provide: GoalsRuntime,
          inject: [EVENT_STORE, READ_MODELS, BUS, Goals, Metrics],
          useFactory: (store: EventStore, readModels: ReadModelStore, bus: Bus, goals: Goals, metrics: Metrics) => new GoalsRuntime(store, readModels, bus, goals, metrics),
        },
        { provide: HEALTH_SOURCE, useExisting: GoalsRuntime },
        {
          provide: MeasurementReactions,
          inject: [Goals, GoalsRuntime],
          useFactory: (goals: Goals, runtime: GoalsRuntime) => new MeasurementReactions(goals, () => runtime.projection.caughtUpWithStore()),
        },
        MonitoringEventsConsumer,
        GoalsLifecycle,
      ],
    };
  }
}
