import { Inject, Injectable } from '@nestjs/common';
import { Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import { DataOf, IdeaPromoted, IntegrationEvent } from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { IdeaReactions } from '../application/idea-reactions';

/** Feeds ideas' promotions from the bus into the goals' reactions, and counts what they did. */
@Injectable()
export class IdeasEventsConsumer {
  private readonly outcomes;

  constructor(
    private readonly reactions: IdeaReactions,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('goals_idea_promotions_total', 'What idea promotions did in goals', ['outcome']);
  }

  @OnIntegrationEvent(IdeaPromoted)
  async onIdeaPromoted(delivery: Delivery): Promise<void> {
    const outcome = await this.reactions.ideaPromoted(delivery.event as IntegrationEvent<DataOf<typeof IdeaPromoted>>);
    this.outcomes.inc({ outcome });
  }
}
