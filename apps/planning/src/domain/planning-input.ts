import { accept, Decider, DomainEvent } from '@bildungsregion/decider';

/** A measurement planning plans from, as monitoring published it, with where it came from. */
export interface InputMeasurement {
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly period: string;
  readonly value: number;
  readonly measurementId: string;
  readonly source: string;
  /** When monitoring recorded it. */
  readonly measuredAt: string;
  /** The reason, when monitoring corrected the value. */
  readonly correction?: string;
}

export type PlanningInputEvent = DomainEvent<'InputMeasured', InputMeasurement>;
/** A correction names no source: the one of the value it corrects is kept. */
export type PlanningInputCommand = {
  readonly type: 'NoteMeasurement';
  readonly measurement: Omit<InputMeasurement, 'source'> & { readonly source?: string };
};
export type PlanningInput = Readonly<
  Record<string, { readonly measurementId: string; readonly value: number; readonly source: string }>
>;

/**
 * Planning's own record of one indicator in one region, period by period. A redelivered measurement
 * (same id, same value) records nothing; a correction or a newer measurement of a period replaces it.
 */
export const planningInputDecider: Decider<PlanningInputCommand, PlanningInput, PlanningInputEvent> = {
  initialState: {},
  decide: ({ measurement }, input) => {
    const known = input[measurement.period];
    if (known?.measurementId === measurement.measurementId && known.value === measurement.value) return accept();
    const source = measurement.source ?? known?.source ?? 'Monitoring';
    return accept({ type: 'InputMeasured', data: { ...measurement, source } });
  },
  evolve: (input, { data }) => ({
    ...input,
    [data.period]: { measurementId: data.measurementId, value: data.value, source: data.source },
  }),
};
