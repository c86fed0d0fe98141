import { Aggregates, CommandOutcome, CommandRequest } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import {
  Indicator,
  IndicatorCommand,
  IndicatorDefinition,
  IndicatorEvent,
  NewMeasurement,
  RevisableDefinition,
  Slot,
  slotKey,
  Threshold,
} from '../domain/indicator';
import { indicatorDecider } from '../domain/indicator.decider';
import { INDICATORS, SERVICE_NAME } from './streams';

/** A measurement's id follows from its slot, so the same value sent twice is the same measurement. */
export function measurementIdFor(indicatorKey: string, slot: Slot): string {
  return eventIdFor('measurement', indicatorKey, slotKey(slot));
}

type Reasoned = CommandRequest & { readonly reason: string };

/** The catalogue and its measurements, one command per intention, through the indicator decider. */
export class IndicatorCommands {
  readonly indicators: Aggregates<IndicatorCommand, Indicator, IndicatorEvent>;

  constructor(store: EventStore, district: District) {
    this.indicators = new Aggregates({
      store,
      decider: indicatorDecider(district),
      category: INDICATORS,
      source: SERVICE_NAME,
      noun: 'indicator',
    });
  }

  defineIndicator(
    definition: IndicatorDefinition,
    thresholds: readonly Threshold[],
    request: CommandRequest,
    synthetic = false,
  ): Promise<CommandOutcome> {
    const exists = {
      code: 'indicator-exists',
      message: `The indicator ${definition.key} is already defined; revise it instead.`,
    };
    return this.indicators.execute(
      definition.key,
      { type: 'DefineIndicator', definition, thresholds, synthetic },
      request,
      { creates: exists },
    );
  }

  reviseIndicator(key: string, changes: RevisableDefinition, request: Reasoned): Promise<CommandOutcome> {
    return this.indicators.execute(key, { type: 'ReviseIndicator', changes, reason: request.reason }, request);
  }

  setThresholds(key: string, thresholds: readonly Threshold[], request: CommandRequest): Promise<CommandOutcome> {
    return this.indicators.execute(key, { type: 'SetThresholds', thresholds }, request);
  }

  async recordMeasurement(
    indicatorKey: string,
    measurement: Omit<NewMeasurement, 'measurementId'>,
    request: CommandRequest,
  ): Promise<CommandOutcome & { measurementId: string }> {
    const measurementId = measurementIdFor(indicatorKey, measurement);
    const outcome = await this.indicators.execute(
      indicatorKey,
      { type: 'RecordMeasurements', measurements: [{ ...measurement, measurementId }] },
      request,
      { namedInBody: true },
    );
    return { ...outcome, measurementId };
  }

  correctMeasurement(indicatorKey: string, slot: Slot, value: number, request: Reasoned): Promise<CommandOutcome> {
    return this.indicators.execute(
      indicatorKey,
      { type: 'CorrectMeasurement', slot, value, reason: request.reason },
      request,
    );
  }
}
