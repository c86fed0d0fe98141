import { DynamicModule, Module } from '@nestjs/common';
import { ActorDirectory } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { auditRoutes } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import {
  actorDirectoryProviders,
  EVENT_STORE,
  READ_MODELS,
  SERVICE_RUNTIME,
  ServiceConfig,
  serviceModule,
  StandardRuntime,
} from '@bildungsregion/service-runtime';
import { GoalAudit } from './application/goal-audit';
import { GoalCommands } from './application/goal-commands';
import { GoalListQueries } from './application/goal-list/goal-list.queries';
import { goalSummaryProjection, LINKING_EVENTS } from './application/goal-list/goal-summary.projection';
import { IdeaReactions } from './application/idea-reactions';
import { MeasurementReactions } from './application/measurement-reactions';
import { GoalCommandsController } from './http/goal-commands.controller';
import { ProgressCommandsController } from './http/progress-commands.controller';
import { GoalQueriesController } from './http/goal-queries.controller';
import { goalId } from './http/goal-requests';
import { IdeasEventsConsumer } from './infrastructure/ideas-events.consumer';
import { PlanningEventsConsumer } from './infrastructure/planning-events.consumer';
import { LinkedMeasures } from './application/linked-measures';
import { MonitoringEventsConsumer } from './infrastructure/monitoring-events.consumer';
import { goalsRuntimeParts } from './infrastructure/runtime-parts';

@Module({})
export class GoalsModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return serviceModule(GoalsModule, config, {
      controllers: [
        GoalCommandsController,
        ProgressCommandsController,
        GoalQueriesController,
        auditRoutes({
          path: 'goals',
          param: 'id',
          idSchema: goalId,
          noun: 'goal',
          scope: 'all goals',
          roles: ['coordinator', 'auditor', 'admin'],
          reader: GoalAudit,
        }),
      ],
      providers: [
        ...actorDirectoryProviders(config.service),
        {
          provide: GoalCommands,
          inject: [EVENT_STORE, ActorDirectory],
          useFactory: (store: EventStore, directory: ActorDirectory) =>
            new GoalCommands(store, config.district, directory),
        },
        {
          provide: GoalAudit,
          inject: [EVENT_STORE, GoalCommands, ActorDirectory],
          useFactory: (store: EventStore, commands: GoalCommands, directory: ActorDirectory) =>
            new GoalAudit(store, commands.goals, directory),
        },
        {
          provide: GoalListQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new GoalListQueries(readModels),
        },
        {
          provide: MeasurementReactions,
          inject: [GoalCommands, GoalListQueries, SERVICE_RUNTIME],
          useFactory: (commands: GoalCommands, list: GoalListQueries, runtime: StandardRuntime) =>
            new MeasurementReactions(commands, list, () =>
              runtime.projection(goalSummaryProjection.name).caughtUpWithStore(30_000, LINKING_EVENTS),
            ),
        },
        MonitoringEventsConsumer,
        {
          provide: IdeaReactions,
          inject: [GoalCommands],
          useFactory: (commands: GoalCommands) => new IdeaReactions(commands),
        },
        IdeasEventsConsumer,
        {
          provide: LinkedMeasures,
          inject: [EVENT_STORE, READ_MODELS],
          useFactory: (store: EventStore, readModels: ReadModelStore) => new LinkedMeasures(store, readModels),
        },
        PlanningEventsConsumer,
      ],
      runtime: { inject: [GoalCommands, EVENT_STORE], useFactory: goalsRuntimeParts },
    });
  }
}
