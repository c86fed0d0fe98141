import { Inject, Injectable } from '@nestjs/common';
import { Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import { DataOf, IdeaPromoted, IntegrationEvent } from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { MeasureCommands } from '../application/measures/measure-commands';

/** Feeds ideas' promotions from the bus into planning's measures, and counts what they did. */
@Injectable()
export class IdeasEventsConsumer {
  private readonly outcomes;

  constructor(
    private readonly measures: MeasureCommands,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('planning_idea_promotions_total', 'What idea promotions did in planning', [
      'outcome',
    ]);
  }

  @OnIntegrationEvent(IdeaPromoted)
  async onIdeaPromoted(delivery: Delivery): Promise<void> {
    const outcome = await this.measures.ideaPromoted(delivery.event as IntegrationEvent<DataOf<typeof IdeaPromoted>>);
    this.outcomes.inc({ outcome });
  }
}
