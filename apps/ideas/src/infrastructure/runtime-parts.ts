import { EventStore } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { IdeaCommands } from '../application/idea-commands';
import { ideaSummaryProjection } from '../application/idea-list/idea-summary.projection';
import { toPublicEvent } from '../application/public-events';
import { seedSampleIdeas } from '../application/sample-ideas';
import { IDEAS, SERVICE_NAME } from '../application/streams';

/** Ideas runs the idea list projection and publishes its public events; it consumes no topic yet. */
export function ideasRuntimeParts(commands: IdeaCommands, store: EventStore): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: [ideaSummaryProjection as unknown as Projection<ProjectedDocument>],
    relay: { topic: SERVICES.ideas.topic, categories: [IDEAS.name], toPublicEvent },
    consumes: [],
    async seed({ seedSampleData, logger }) {
      if (!seedSampleData) return;
      const seeded = await seedSampleIdeas(commands, store);
      if (seeded > 0) logger.info({ seeded }, 'seeded synthetic sample ideas');
    },
  };
}
