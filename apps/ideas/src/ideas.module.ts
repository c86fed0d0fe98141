import { DynamicModule, Module } from '@nestjs/common';
import { EventStore, StoreCheckpoints } from '@bildungsregion/event-store';
import { auditRoutes } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { EVENT_STORE, READ_MODELS, ServiceConfig, serviceModule } from '@bildungsregion/service-runtime';
import { IdeaCommands } from './application/idea-commands';
import { IdeaListQueries } from './application/idea-list/idea-list.queries';
import { ideaSummaryProjection } from './application/idea-list/idea-summary.projection';
import { SimilarIdeas } from './application/similarity/similar-ideas';
import { IdeaCommandsController } from './http/idea-commands.controller';
import { IdeaQueriesController } from './http/idea-queries.controller';
import { ideaId } from './http/idea-requests';
import { ideasRuntimeParts } from './infrastructure/runtime-parts';
import { similarityThresholdsFrom } from './infrastructure/similarity-settings';

/** The ideas as auditors read them: history, chain verification. */
const IDEA_AUDIT = Symbol('IDEA_AUDIT');

@Module({})
export class IdeasModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const thresholds = similarityThresholdsFrom();
    return serviceModule(IdeasModule, config, {
      controllers: [
        IdeaQueriesController,
        IdeaCommandsController,
        auditRoutes({
          path: 'ideas',
          param: 'id',
          idSchema: ideaId,
          noun: 'idea',
          scope: 'all ideas',
          // Every role reads every idea, and so its history: the edits are part of the conversation.
          roles: ['coordinator', 'auditor', 'admin', 'actor'],
          reader: IDEA_AUDIT,
        }),
      ],
      providers: [
        {
          provide: IdeaCommands,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new IdeaCommands(store, config.district),
        },
        { provide: IDEA_AUDIT, inject: [IdeaCommands], useFactory: (commands: IdeaCommands) => commands.ideas },
        {
          provide: IdeaListQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new IdeaListQueries(readModels),
        },
        {
          provide: SimilarIdeas,
          inject: [IdeaListQueries, EVENT_STORE, READ_MODELS],
          useFactory: (list: IdeaListQueries, store: EventStore, readModels: ReadModelStore) => {
            const checkpoints = new StoreCheckpoints(store, readModels);
            return new SimilarIdeas(
              list.summaries,
              () => checkpoints.loadCheckpoint(ideaSummaryProjection.name),
              thresholds,
            );
          },
        },
      ],
      runtime: { inject: [IdeaCommands, EVENT_STORE], useFactory: ideasRuntimeParts },
    });
  }
}
