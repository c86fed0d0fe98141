import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { knownActorProjection } from '@bildungsregion/application';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { GoalCommands } from '../application/goal-commands';
import { goalSummaryProjection } from '../application/goal-list/goal-summary.projection';
import { linkedMeasureProjection } from '../application/linked-measures';
import { toPublicEvent } from '../application/public-events';
import { seedSampleGoals } from '../application/sample-goals';
import { GOALS, SERVICE_NAME } from '../application/streams';

/**
 * Goals runs the goal list, actor directory and linked measure projections, publishes its public events
 * and consumes monitoring's, ideas' and planning's (the actors directory and the measures).
 */
export function goalsRuntimeParts(commands: GoalCommands, store: EventStore): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: [
      goalSummaryProjection,
      knownActorProjection,
      linkedMeasureProjection,
    ] as unknown as Projection<ProjectedDocument>[],
    relay: { topic: SERVICES.goals.topic, categories: [GOALS.name], toPublicEvent },
    consumes: [Topics.monitoring, Topics.ideas, Topics.planning],
    async seed({ seedSampleData, logger }) {
      if (!seedSampleData) return;
      const seeded = await seedSampleGoals(commands, store);
      if (seeded > 0) logger.info({ seeded }, 'seeded synthetic sample goals');
    },
  };
}
