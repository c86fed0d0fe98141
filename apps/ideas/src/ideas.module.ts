import { DynamicModule, Module } from '@nestjs/common';
import { EventStore, StoreCheckpoints, verifyAllStreams } from '@bildungsregion/event-store';
import { AuditReader, auditRoutes } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { ActorDirectory } from '@bildungsregion/application';
import {
  actorDirectoryProviders,
  EVENT_STORE,
  READ_MODELS,
  ServiceConfig,
  serviceModule,
} from '@bildungsregion/service-runtime';
import { Bundles } from './application/bundles';
import { CallCommands } from './application/calls/call-commands';
import { CallQueries } from './application/calls/call-queries';
import { IdeaCommands } from './application/idea-commands';
import { IdeaListQueries } from './application/idea-list/idea-list.queries';
import { ideaSummaryProjection } from './application/idea-list/idea-summary.projection';
import { SimilarIdeas } from './application/similarity/similar-ideas';
import { CALLS, IDEAS } from './application/streams';
import { UpstreamReactions } from './application/upstream-reactions';
import { BundlesController } from './http/bundles.controller';
import { CallCommandsController, CallQueriesController } from './http/calls.controller';
import { IdeaCommandsController } from './http/idea-commands.controller';
import { IdeaLifecycleController } from './http/idea-lifecycle.controller';
import { IdeaQueriesController } from './http/idea-queries.controller';
import { callId, ideaId } from './http/idea-requests';
import { ideasRuntimeParts } from './infrastructure/runtime-parts';
import { similarityThresholdsFrom } from './infrastructure/similarity-settings';
import { UpstreamEventsConsumer } from './infrastructure/upstream-events.consumer';

/** The ideas and calls as auditors read them: history, chain verification. */
const IDEA_AUDIT = Symbol('IDEA_AUDIT');
const CALL_AUDIT = Symbol('CALL_AUDIT');

@Module({})
export class IdeasModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const thresholds = similarityThresholdsFrom();
    return serviceModule(IdeasModule, config, {
      controllers: [
        IdeaQueriesController,
        IdeaCommandsController,
        IdeaLifecycleController,
        BundlesController,
        CallQueriesController,
        CallCommandsController,
        auditRoutes({
          path: 'ideas',
          param: 'id',
          idSchema: ideaId,
          noun: 'idea',
          scope: 'all ideas and calls for ideas',
          // Every role reads every idea, and so its history: the edits are part of the conversation.
          roles: ['coordinator', 'auditor', 'admin', 'actor'],
          reader: IDEA_AUDIT,
        }),
        auditRoutes({
          path: 'calls',
          param: 'id',
          idSchema: callId,
          noun: 'call',
          scope: 'all calls',
          roles: ['coordinator', 'auditor', 'admin', 'actor'],
          reader: CALL_AUDIT,
          storeAudit: false,
        }),
      ],
      providers: [
        {
          provide: CallCommands,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new CallCommands(store, config.district),
        },
        { provide: CALL_AUDIT, inject: [CallCommands], useFactory: (calls: CallCommands) => calls.calls },
        ...actorDirectoryProviders(config.service),
        {
          provide: IdeaCommands,
          inject: [EVENT_STORE, CallCommands, ActorDirectory],
          useFactory: (store: EventStore, calls: CallCommands, directory: ActorDirectory) =>
            new IdeaCommands(store, config.district, calls, directory),
        },
        { provide: Bundles, inject: [IdeaCommands], useFactory: (commands: IdeaCommands) => new Bundles(commands) },
        {
          provide: IDEA_AUDIT,
          inject: [IdeaCommands, EVENT_STORE],
          useFactory: (commands: IdeaCommands, store: EventStore): AuditReader => ({
            history: (id, page) => commands.ideas.history(id, page),
            verify: (id) => commands.ideas.verify(id),
            verifyAll: () => verifyAllStreams(store, { categories: [IDEAS.name, CALLS.name] }),
          }),
        },
        {
          provide: IdeaListQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new IdeaListQueries(readModels),
        },
        {
          provide: CallQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new CallQueries(readModels),
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
        {
          provide: UpstreamReactions,
          inject: [CallCommands, IdeaCommands],
          useFactory: (calls: CallCommands, ideas: IdeaCommands) =>
            new UpstreamReactions(calls, ideas, config.district),
        },
        UpstreamEventsConsumer,
      ],
      runtime: { inject: [IdeaCommands, Bundles, CallCommands, EVENT_STORE], useFactory: ideasRuntimeParts },
    });
  }
}
