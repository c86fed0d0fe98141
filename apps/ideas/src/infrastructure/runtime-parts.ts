import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { knownActorProjection } from '@bildungsregion/application';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { Bundles } from '../application/bundles';
import { CallCommands } from '../application/calls/call-commands';
import { IdeaCommands } from '../application/idea-commands';
import { callSummaryProjection } from '../application/calls/call-summary.projection';
import { ideaSummaryProjection } from '../application/idea-list/idea-summary.projection';
import { toPublicEvent } from '../application/public-events';
import { seedSampleIdeas } from '../application/sample-ideas';
import { CALLS, IDEAS, SERVICE_NAME } from '../application/streams';

/**
 * Ideas runs the idea, call and actor directory projections, publishes its public events, and consumes
 * monitoring (threshold breaches), goals (assessments, goals drafted from ideas) and planning (actors).
 */
export function ideasRuntimeParts(
  commands: IdeaCommands,
  bundles: Bundles,
  calls: CallCommands,
  store: EventStore,
): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: [
      ideaSummaryProjection,
      callSummaryProjection,
      knownActorProjection,
    ] as unknown as Projection<ProjectedDocument>[],
    relay: { topic: SERVICES.ideas.topic, categories: [IDEAS.name, CALLS.name], toPublicEvent },
    consumes: [Topics.monitoring, Topics.goals, Topics.planning],
    async seed({ seedSampleData, logger }) {
      if (!seedSampleData) return;
      const seeded = await seedSampleIdeas(commands, bundles, calls, store);
      if (seeded > 0) logger.info({ seeded }, 'seeded synthetic sample ideas');
    },
  };
}
