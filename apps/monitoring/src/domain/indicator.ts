import { DomainEvent } from '@bildungsregion/decider';

import { EducationStage } from '@bildungsregion/contracts';

export { EDUCATION_STAGES, type EducationStage } from '@bildungsregion/contracts';

/** What a value counts; it also bounds the values (a percentage lies between 0 and 100). */
export const UNITS = ['percent', 'count', 'per-100', 'per-1000', 'hours', 'ratio'] as const;
export type Unit = (typeof UNITS)[number];

/** How an indicator's periods are written: 2025, 2025/26 or 2025-06-30. */
export const PERIODICITIES = ['year', 'school-year', 'reference-date'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

/** Which way is better; 'none' for counts that describe rather than judge (pupils, population). */
export type Direction = 'higher' | 'lower' | 'none';

export const SEXES = ['female', 'male', 'diverse'] as const;
export const NATIONALITIES = ['german', 'foreign'] as const;

/** A measured value for a subgroup instead of the whole population. */
export interface Breakdown {
  readonly sex?: (typeof SEXES)[number];
  readonly nationality?: (typeof NATIONALITIES)[number];
}

/** A value that marks the edge of an acceptable range; crossing it in the bad direction is a breach. */
export interface Threshold {
  readonly value: number;
  readonly label: string;
}

export interface IndicatorDefinition {
  readonly key: string;
  readonly name: string;
  readonly stage: EducationStage;
  readonly unit: Unit;
  readonly definition: string;
  readonly source: string;
  readonly preferredDirection: Direction;
  readonly periodicity: Periodicity;
}

export type RevisableDefinition = Partial<
  Pick<IndicatorDefinition, 'name' | 'definition' | 'source' | 'preferredDirection' | 'stage'>
>;

/** One value of the indicator: where, for when, for whom. */
export interface Measurement {
  readonly measurementId: string;
  readonly regionKey: string;
  readonly period: string;
  readonly breakdown?: Breakdown;
  readonly value: number;
  /** Where the value comes from, e.g. "LSN, Tabelle K3050131". */
  readonly source: string;
  /** Sample data that the project ships; never an official value. */
  readonly synthetic?: boolean;
  /** The CSV import that delivered it, if any. */
  readonly importId?: string;
}

export interface Indicator {
  readonly status: 'none' | 'defined';
  readonly definition?: IndicatorDefinition;
  readonly thresholds: readonly Threshold[];
  readonly synthetic: boolean;
  /** Measurements by slot (region, period, breakdown); a slot holds one value, changed only by corrections. */
  readonly measurements: ReadonlyMap<string, Measurement>;
}

export type IndicatorEvent =
  | DomainEvent<'IndicatorDefined', { definition: IndicatorDefinition; thresholds: Threshold[]; synthetic: boolean }>
  | DomainEvent<'IndicatorRevised', { changes: RevisableDefinition }>
  | DomainEvent<'ThresholdsSet', { thresholds: Threshold[] }>
  | DomainEvent<'MeasurementRecorded', Measurement & { indicatorKey: string }>
  | DomainEvent<
      'MeasurementCorrected',
      {
        measurementId: string;
        indicatorKey: string;
        regionKey: string;
        period: string;
        breakdown?: Breakdown;
        value: number;
        previousValue: number;
      }
    >
  | DomainEvent<
      'ThresholdBreached',
      {
        measurementId: string;
        indicatorKey: string;
        regionKey: string;
        period: string;
        value: number;
        threshold: Threshold;
        preferredDirection: 'higher' | 'lower';
        previousValue: number | null;
      }
    >;

/** A measurement as a command carries it: the id comes from its slot, and without a source it gets the indicator's. */
export type NewMeasurement = Omit<Measurement, 'source'> & { readonly source?: string };

export type IndicatorCommand =
  | {
      readonly type: 'DefineIndicator';
      readonly definition: IndicatorDefinition;
      readonly thresholds: readonly Threshold[];
      readonly synthetic?: boolean;
    }
  | { readonly type: 'ReviseIndicator'; readonly changes: RevisableDefinition; readonly reason: string }
  | { readonly type: 'SetThresholds'; readonly thresholds: readonly Threshold[] }
  /** Records every measurement or none; an import plans the acceptable rows first (see planMeasurements). */
  | { readonly type: 'RecordMeasurements'; readonly measurements: readonly NewMeasurement[] }
  | { readonly type: 'CorrectMeasurement'; readonly slot: Slot; readonly value: number; readonly reason: string };

/** Identifies a measurement within its indicator. */
export interface Slot {
  readonly regionKey: string;
  readonly period: string;
  readonly breakdown?: Breakdown;
}

export const initialIndicator: Indicator = {
  status: 'none',
  thresholds: [],
  synthetic: false,
  measurements: new Map(),
};

/** The slot key: region, period and breakdown in a fixed order, so one slot has one key. */
export function slotKey(slot: Slot): string {
  return [slot.regionKey, slot.period, slot.breakdown?.sex ?? '*', slot.breakdown?.nationality ?? '*'].join('|');
}

export function isTotal(slot: Pick<Slot, 'breakdown'>): boolean {
  return slot.breakdown?.sex === undefined && slot.breakdown?.nationality === undefined;
}
