import { CommandRejectedError, ServiceActor } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import { DataOf, IdeaPromoted, IntegrationEvent } from '@bildungsregion/contracts';
import { GoalCommands } from './goal-commands';

/** The actor recorded on goals drafted from ideas; the coordinator who promoted the idea is in the idea's history. */
export const IDEAS_CONSUMER: ServiceActor = { id: 'goals.ideas-consumer', role: 'service' };

export type PromotionOutcome = 'drafted' | 'already-drafted' | 'not-for-goals';

/** The goal a promotion drafts: the same id however often the promotion is delivered. */
export const goalIdForPromotion = (promotionId: string): string => eventIdFor('goal-from-idea', promotionId);

/**
 * How goals react to ideas: an idea promoted to a goal becomes a draft with the idea's title,
 * description, first Bildungsbereich and regions, which a coordinator completes before proposing it.
 */
export class IdeaReactions {
  constructor(private readonly commands: GoalCommands) {}

  async ideaPromoted(event: IntegrationEvent<DataOf<typeof IdeaPromoted>>): Promise<PromotionOutcome> {
    const { data } = event;
    if (data.target !== 'goal') return 'not-for-goals';
    const goalId = goalIdForPromotion(data.promotionId);
    try {
      await this.commands.goals.execute(
        goalId,
        {
          type: 'DraftGoalFromIdea',
          goalId,
          terms: {
            title: data.title,
            description: data.description,
            stage: data.stages[0] as (typeof data.stages)[number],
            regionKeys: data.regionKeys,
          },
          origin: { ideaId: data.ideaId, promotionId: data.promotionId },
        },
        { principal: IDEAS_CONSUMER, correlationId: event.correlationId, causationId: event.id },
        { creates: { code: 'goal-exists', message: `The goal ${goalId} was drafted already.` } },
      );
      return 'drafted';
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'goal-exists') return 'already-drafted';
      throw error;
    }
  }
}
