import { BeforeApplicationShutdown, DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { Bus, BUS, BusModule } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore, eventStoreFromUrl } from '@bildungsregion/event-store';
import { AuthGuard, HEALTH_SOURCE, IdempotencyInterceptor, IdempotencyStore, loggingModule, Metrics, OperationsController, ProblemFilter, TokenVerifier } from '@bildungsregion/http';
import { ReadModelStore, readModelsFromUrl } from '@bildungsregion/read-models';
import { Goals, SERVICE_NAME } from './application/goals';
import { GoalCommandsController } from './http/goal-commands.controller';
import { goalErrorToProblem } from './http/goal-errors';
import { GoalQueriesController } from './http/goal-queries.controller';
import { GoalsConfig } from './infrastructure/config';
import { GoalsRuntime } from './infrastructure/goals-runtime';
import { MonitoringEventsConsumer } from './infrastructure/monitoring-events.consumer';
import { MeasurementReactions } from './application/measurement-reactions';

const CONFIG = Symbol('GOALS_CONFIG');
const EVENT_STORE = Symbol('EVENT_STORE');
const READ_MODELS = Symbol('READ_MODELS');

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
        { provide: EVENT_STORE, useFactory: () => eventStoreFromUrl(config.eventStoreUrl) },
        { provide: READ_MODELS, useFactory: () => readModelsFromUrl(config.readModelsUrl, { dbName: config.readModelsDb }) },
        { provide: Metrics, useValue: metrics },
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
        { provide: IdempotencyStore, inject: [READ_MODELS], useFactory: (readModels: ReadModelStore) => new IdempotencyStore(readModels) },
        { provide: IdempotencyInterceptor, inject: [IdempotencyStore, Reflector], useFactory: (store: IdempotencyStore, reflector: Reflector) => new IdempotencyInterceptor(store, reflector) },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.tokens) },
        { provide: APP_GUARD, inject: [TokenVerifier, Reflector], useFactory: (verifier: TokenVerifier, reflector: Reflector) => new AuthGuard(verifier, reflector) },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(goalErrorToProblem) },
        GoalsLifecycle,
      ],
    };
  }
}
