import { DynamicModule, Module } from '@nestjs/common';
import { Bus, BUS, BusModule } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { EVENT_STORE, SERVICE_RUNTIME, loggingModule, Metrics, OperationsController, READ_MODELS, serviceProviders } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { Goals, SERVICE_NAME } from './application/goals';
import { GoalCommandsController } from './http/goal-commands.controller';
import { goalErrorToProblem } from './http/goal-errors';
import { GoalQueriesController } from './http/goal-queries.controller';
import { GoalsConfig } from './infrastructure/config';
import { GoalsRuntime } from './infrastructure/goals-runtime';
import { MonitoringEventsConsumer } from './infrastructure/monitoring-events.consumer';
import { MeasurementReactions } from './application/measurement-reactions';

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
        ...serviceProviders(config, { metrics, mapError: goalErrorToProblem }),
        { provide: Goals, inject: [EVENT_STORE, READ_MODELS], useFactory: (store: EventStore, readModels: ReadModelStore) => new Goals(store, readModels) },
        {
          provide: GoalsRuntime,
          inject: [EVENT_STORE, READ_MODELS, BUS, Goals, Metrics],
          useFactory: (store: EventStore, readModels: ReadModelStore, bus: Bus, goals: Goals, metrics: Metrics) => new GoalsRuntime(store, readModels, bus, goals, metrics),
        },
        { provide: SERVICE_RUNTIME, useExisting: GoalsRuntime },
        {
          provide: MeasurementReactions,
          inject: [Goals, GoalsRuntime],
          useFactory: (goals: Goals, runtime: GoalsRuntime) => new MeasurementReactions(goals, () => runtime.projection.caughtUpWithStore()),
        },
        MonitoringEventsConsumer,
      ],
    };
  }
}
