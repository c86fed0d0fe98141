import { Inject, Injectable } from '@nestjs/common';
import { Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import {
  MeasureApproved,
  MeasureDropped,
  MeasureImplemented,
  MeasurePlanned,
  MeasureRevised,
} from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { LinkedMeasures } from '../application/linked-measures';

/** Feeds planning's measure events into the goals' linked measures, and counts what they did. */
@Injectable()
export class PlanningEventsConsumer {
  private readonly outcomes;

  constructor(
    private readonly measures: LinkedMeasures,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('goals_linked_measures_total', 'What planning measure events did in goals', [
      'outcome',
    ]);
  }

  @OnIntegrationEvent(MeasurePlanned)
  planned(delivery: Delivery): Promise<void> {
    return this.note(delivery);
  }

  @OnIntegrationEvent(MeasureRevised)
  revised(delivery: Delivery): Promise<void> {
    return this.note(delivery);
  }

  @OnIntegrationEvent(MeasureApproved)
  approved(delivery: Delivery): Promise<void> {
    return this.note(delivery);
  }

  @OnIntegrationEvent(MeasureImplemented)
  implemented(delivery: Delivery): Promise<void> {
    return this.note(delivery);
  }

  @OnIntegrationEvent(MeasureDropped)
  dropped(delivery: Delivery): Promise<void> {
    return this.note(delivery);
  }

  private async note(delivery: Delivery): Promise<void> {
    this.outcomes.inc({ outcome: await this.measures.note(delivery.event) });
  }
}
