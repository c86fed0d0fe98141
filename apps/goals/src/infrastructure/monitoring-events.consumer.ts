import { Inject, Injectable } from '@nestjs/common';
import { createLogger, Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import { DataOf, IntegrationEvent, MeasurementCorrected, MeasurementRecorded } from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { MeasurementReactions, ReactionOutcome } from '../application/measurement-reactions';
import { SERVICE_NAME } from '../application/streams';

/** Feeds monitoring's events from the bus into the goals' reactions, and counts what they did. */
@Injectable()
export class MonitoringEventsConsumer {
  private readonly outcomes;
  private readonly logger = createLogger(`${SERVICE_NAME}:monitoring-consumer`);

  constructor(
    private readonly reactions: MeasurementReactions,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('goals_monitoring_reactions_total', 'What monitoring events did to linked goals', [
      'event',
      'outcome',
    ]);
  }

  @OnIntegrationEvent(MeasurementRecorded)
  async onMeasurementRecorded(delivery: Delivery): Promise<void> {
    this.count(
      'measurement-recorded',
      delivery,
      await this.reactions.measurementRecorded(delivery.event as IntegrationEvent<DataOf<typeof MeasurementRecorded>>),
    );
  }

  @OnIntegrationEvent(MeasurementCorrected)
  async onMeasurementCorrected(delivery: Delivery): Promise<void> {
    this.count(
      'measurement-corrected',
      delivery,
      await this.reactions.measurementCorrected(
        delivery.event as IntegrationEvent<DataOf<typeof MeasurementCorrected>>,
      ),
    );
  }

  private count(event: string, delivery: Delivery, outcomes: readonly ReactionOutcome[]): void {
    for (const outcome of outcomes) this.outcomes.inc({ event, outcome });
    if (outcomes.length > 0) this.logger.debug({ eventId: delivery.event.id, outcomes }, `${event} handled`);
  }
}
