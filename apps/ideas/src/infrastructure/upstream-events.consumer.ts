import { Inject, Injectable } from '@nestjs/common';
import { createLogger, Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import {
  AssessmentChanged,
  DataOf,
  GoalDrafted,
  IntegrationEvent,
  MeasurePlanned,
  ThresholdBreached,
} from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { ReactionOutcome, UpstreamReactions } from '../application/upstream-reactions';
import { SERVICE_NAME } from '../application/streams';

/** Feeds monitoring's, goals' and planning's events from the bus into the ideas' reactions, and counts what they did. */
@Injectable()
export class UpstreamEventsConsumer {
  private readonly outcomes;
  private readonly logger = createLogger(`${SERVICE_NAME}:upstream-consumer`);

  constructor(
    private readonly reactions: UpstreamReactions,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('ideas_upstream_reactions_total', 'What monitoring and goals events did in ideas', [
      'event',
      'outcome',
    ]);
  }

  @OnIntegrationEvent(ThresholdBreached)
  async onThresholdBreached(delivery: Delivery): Promise<void> {
    const event = delivery.event as IntegrationEvent<DataOf<typeof ThresholdBreached>>;
    this.count('threshold-breached', delivery, await this.reactions.thresholdBreached(event));
  }

  @OnIntegrationEvent(AssessmentChanged)
  async onAssessmentChanged(delivery: Delivery): Promise<void> {
    const event = delivery.event as IntegrationEvent<DataOf<typeof AssessmentChanged>>;
    this.count('assessment-changed', delivery, await this.reactions.assessmentChanged(event));
  }

  @OnIntegrationEvent(GoalDrafted)
  async onGoalDrafted(delivery: Delivery): Promise<void> {
    const event = delivery.event as IntegrationEvent<DataOf<typeof GoalDrafted>>;
    this.count('goal-drafted', delivery, await this.reactions.goalDrafted(event));
  }

  @OnIntegrationEvent(MeasurePlanned)
  async onMeasurePlanned(delivery: Delivery): Promise<void> {
    const event = delivery.event as IntegrationEvent<DataOf<typeof MeasurePlanned>>;
    this.count('measure-planned', delivery, await this.reactions.measurePlanned(event));
  }

  private count(event: string, delivery: Delivery, outcome: ReactionOutcome): void {
    this.outcomes.inc({ event, outcome });
    if (outcome === 'unknown')
      this.logger.warn({ eventId: delivery.event.id }, `${event} names a promotion this service does not know`);
  }
}
