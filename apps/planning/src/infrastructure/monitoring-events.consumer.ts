import { Inject, Injectable } from '@nestjs/common';
import { Delivery, OnIntegrationEvent } from '@bildungsregion/bus';
import { DataOf, IntegrationEvent, MeasurementCorrected, MeasurementRecorded } from '@bildungsregion/contracts';
import { Metrics } from '@bildungsregion/http';
import { PlanningInputs } from '../application/capacity/planning-inputs';

/** Feeds monitoring's population and Betreuungsquoten into planning's inputs, and counts what it kept. */
@Injectable()
export class MonitoringEventsConsumer {
  private readonly outcomes;

  constructor(
    private readonly inputs: PlanningInputs,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.outcomes = metrics.counter('planning_monitoring_inputs_total', 'Monitoring events planning kept or ignored', [
      'event',
      'outcome',
    ]);
  }

  @OnIntegrationEvent(MeasurementRecorded)
  async onMeasurementRecorded(delivery: Delivery): Promise<void> {
    const outcome = await this.inputs.note(delivery.event as IntegrationEvent<DataOf<typeof MeasurementRecorded>>);
    this.outcomes.inc({ event: 'measurement-recorded', outcome });
  }

  @OnIntegrationEvent(MeasurementCorrected)
  async onMeasurementCorrected(delivery: Delivery): Promise<void> {
    const outcome = await this.inputs.note(delivery.event as IntegrationEvent<DataOf<typeof MeasurementCorrected>>);
    this.outcomes.inc({ event: 'measurement-corrected', outcome });
  }
}
