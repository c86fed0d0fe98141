import { periodEndDate } from '@bildungsregion/contracts';
import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import {
  Indicator,
  IndicatorCommand,
  IndicatorDefinition,
  IndicatorEvent,
  initialIndicator,
  isTotal,
  Measurement,
  NewMeasurement,
  Periodicity,
  RevisableDefinition,
  slotKey,
  Threshold,
  Unit,
} from './indicator';
import { District } from '@bildungsregion/reference-data';

type Rejected = Decision<never>;

const PERIOD_FORMATS: Record<Periodicity, { pattern: RegExp; example: string }> = {
  year: { pattern: /^\d{4}$/, example: '2025' },
  'school-year': { pattern: /^\d{4}\/\d{2}$/, example: '2025/26' },
  'reference-date': { pattern: /^\d{4}-\d{2}-\d{2}$/, example: '2025-06-30' },
};

const UNIT_RULES: Record<Unit, { check: (value: number) => boolean; expectation: string }> = {
  percent: { check: (value) => value >= 0 && value <= 100, expectation: 'a percentage between 0 and 100' },
  count: { check: (value) => Number.isInteger(value) && value >= 0, expectation: 'a whole number of 0 or more' },
  'per-100': { check: (value) => value >= 0, expectation: 'a rate of 0 or more' },
  'per-1000': { check: (value) => value >= 0, expectation: 'a rate of 0 or more' },
  hours: { check: (value) => value >= 0, expectation: 'a number of hours of 0 or more' },
  ratio: { check: (value) => value >= 0, expectation: 'a ratio of 0 or more' },
};

function requireDefined(indicator: Indicator): Rejected | undefined {
  return indicator.status === 'defined'
    ? undefined
    : invalidTransition('indicator-not-found', 'There is no indicator with this key; define it first.');
}

function checkThresholds(thresholds: readonly Threshold[], definition: IndicatorDefinition): Rejected | undefined {
  if (thresholds.length > 0 && definition.preferredDirection === 'none') {
    return ruleViolation(
      'thresholds-without-direction',
      `${definition.name} has no preferred direction, so no value can breach a threshold; set a direction first.`,
    );
  }
  const values = thresholds.map((threshold) => threshold.value);
  const duplicate = values.find((value, index) => values.indexOf(value) !== index);
  if (duplicate !== undefined)
    return ruleViolation('threshold-duplicate', `The threshold ${duplicate} is listed twice.`);
  const broken = thresholds.find((threshold) => !UNIT_RULES[definition.unit].check(threshold.value));
  if (broken)
    return ruleViolation(
      'threshold-out-of-range',
      `The threshold ${broken.value} must be ${UNIT_RULES[definition.unit].expectation}.`,
    );
  return undefined;
}

/** Why a measurement cannot be recorded for this indicator as it stands, or undefined when it can. */
export function measurementProblem(
  district: District,
  definition: IndicatorDefinition,
  measurement: Pick<Measurement, 'regionKey' | 'period' | 'value'>,
): string | undefined {
  if (!district.regionOf(measurement.regionKey)) {
    return district.outside(measurement.regionKey);
  }
  const format = PERIOD_FORMATS[definition.periodicity];
  if (!format.pattern.test(measurement.period) || periodEndDate(measurement.period) === null) {
    return `period ${measurement.period} is not a valid ${definition.periodicity} like ${format.example}, which ${definition.key} is measured by`;
  }
  if (!Number.isFinite(measurement.value) || !UNIT_RULES[definition.unit].check(measurement.value)) {
    return `value ${measurement.value} must be ${UNIT_RULES[definition.unit].expectation} (${definition.key} is measured in ${definition.unit})`;
  }
  return undefined;
}

function isBad(value: number, threshold: number, direction: IndicatorDefinition['preferredDirection']): boolean {
  return direction === 'higher' ? value < threshold : direction === 'lower' ? value > threshold : false;
}

/** The totals of each region by period end, so a breach finds the value of the period before. */
class TotalsByRegion {
  private readonly byRegion = new Map<string, Map<string, number>>();

  constructor(measurements: Iterable<Measurement>) {
    for (const measurement of measurements) this.set(measurement);
  }

  set(measurement: Measurement): void {
    if (!isTotal(measurement)) return;
    const series = this.byRegion.get(measurement.regionKey) ?? new Map<string, number>();
    series.set(periodEndDate(measurement.period) as string, measurement.value);
    this.byRegion.set(measurement.regionKey, series);
  }

  /** The region's total for the latest period before this measurement's. */
  previous(measurement: Measurement): number | null {
    const end = periodEndDate(measurement.period) as string;
    let best: string | null = null;
    for (const other of this.byRegion.get(measurement.regionKey)?.keys() ?? []) {
      if (other < end && (best === null || other > best)) best = other;
    }
    return best === null ? null : (this.byRegion.get(measurement.regionKey)?.get(best) ?? null);
  }
}

/** Thresholds the value crosses in the bad direction, coming from the value before it (or from none). */
function breaches(
  indicator: Indicator,
  measurement: Measurement,
  totals: () => TotalsByRegion,
  before: number | null,
): IndicatorEvent[] {
  const definition = indicator.definition as IndicatorDefinition;
  if (!isTotal(measurement) || indicator.thresholds.length === 0) return [];
  const previous = totals().previous(measurement);
  const direction = definition.preferredDirection;
  return indicator.thresholds
    .filter((threshold) => isBad(measurement.value, threshold.value, direction))
    .filter((threshold) => before === null || !isBad(before, threshold.value, direction))
    .filter((threshold) => previous === null || !isBad(previous, threshold.value, direction))
    .map((threshold) => ({
      type: 'ThresholdBreached' as const,
      data: {
        measurementId: measurement.measurementId,
        indicatorKey: definition.key,
        regionKey: measurement.regionKey,
        period: measurement.period,
        value: measurement.value,
        threshold,
        preferredDirection: direction as 'higher' | 'lower',
        previousValue: previous,
      },
    }));
}

export type MeasurementOutcome =
  | { readonly status: 'recorded'; readonly measurementId: string }
  | { readonly status: 'unchanged'; readonly measurementId: string }
  | { readonly status: 'rejected'; readonly reason: string };

export interface MeasurementPlan {
  readonly events: IndicatorEvent[];
  /** One outcome per measurement, in the order given. */
  readonly outcomes: MeasurementOutcome[];
}

/**
 * Decides each measurement on its own: recorded, unchanged (the slot already holds this value, as when
 * a file is imported again), or rejected with the reason. Later measurements see earlier ones.
 */
export function planMeasurements(
  district: District,
  indicator: Indicator,
  measurements: readonly NewMeasurement[],
): MeasurementPlan {
  const definition = indicator.definition as IndicatorDefinition;
  const working = new Map(indicator.measurements);
  let index: TotalsByRegion | undefined;
  const totals = () => (index ??= new TotalsByRegion(indicator.measurements.values()));
  const events: IndicatorEvent[] = [];
  const outcomes = measurements.map((measurement): MeasurementOutcome => {
    const problem = measurementProblem(district, definition, measurement);
    if (problem) return { status: 'rejected', reason: problem };
    const key = slotKey(measurement);
    const existing = working.get(key);
    if (existing) {
      return existing.value === measurement.value
        ? { status: 'unchanged', measurementId: existing.measurementId }
        : {
            status: 'rejected',
            reason: `${measurement.regionKey} ${measurement.period} is already recorded with the value ${existing.value}; send a correction with a reason to change it`,
          };
    }
    const recorded: Measurement = { ...measurement, source: measurement.source ?? definition.source };
    working.set(key, recorded);
    const breached = breaches(indicator, recorded, totals, null);
    index?.set(recorded);
    events.push({ type: 'MeasurementRecorded', data: { ...recorded, indicatorKey: definition.key } }, ...breached);
    return { status: 'recorded', measurementId: measurement.measurementId };
  });
  return { events, outcomes };
}

function revise(indicator: Indicator, changes: RevisableDefinition, reason: string): Decision<IndicatorEvent> {
  const rejected =
    requireDefined(indicator) ??
    (reason.trim() === '' ? ruleViolation('reason-required', 'Give a reason to revise the indicator.') : undefined);
  if (rejected) return rejected;
  const current = indicator.definition as IndicatorDefinition;
  const changed = Object.fromEntries(
    Object.entries(changes).filter(([key, value]) => value !== current[key as keyof IndicatorDefinition]),
  ) as RevisableDefinition;
  if (Object.keys(changed).length === 0)
    return ruleViolation('revision-without-change', 'The revision changes nothing in the current definition.');
  const broken = checkThresholds(indicator.thresholds, { ...current, ...changed });
  if (broken) return broken;
  return accept({ type: 'IndicatorRevised', data: { changes: changed } });
}

function define(
  command: Extract<IndicatorCommand, { type: 'DefineIndicator' }>,
  indicator: Indicator,
): Decision<IndicatorEvent> {
  if (indicator.status !== 'none')
    return invalidTransition(
      'indicator-exists',
      `The indicator ${command.definition.key} is already defined; revise it instead.`,
    );
  const broken = checkThresholds(command.thresholds, command.definition);
  if (broken) return broken;
  return accept({
    type: 'IndicatorDefined',
    data: {
      definition: command.definition,
      thresholds: [...command.thresholds],
      synthetic: command.synthetic ?? false,
    },
  });
}

function setThresholds(thresholds: readonly Threshold[], indicator: Indicator): Decision<IndicatorEvent> {
  const rejected =
    requireDefined(indicator) ?? checkThresholds(thresholds, indicator.definition as IndicatorDefinition);
  if (rejected) return rejected;
  if (JSON.stringify(thresholds) === JSON.stringify(indicator.thresholds)) {
    return ruleViolation('thresholds-without-change', "These are already the indicator's thresholds.");
  }
  return accept({ type: 'ThresholdsSet', data: { thresholds: [...thresholds] } });
}

function recordMeasurements(
  district: District,
  measurements: readonly NewMeasurement[],
  indicator: Indicator,
): Decision<IndicatorEvent> {
  const rejected = requireDefined(indicator);
  if (rejected) return rejected;
  const plan = planMeasurements(district, indicator, measurements);
  const refused = plan.outcomes.find((outcome) => outcome.status === 'rejected');
  if (refused?.status === 'rejected') {
    return refused.reason.includes('already recorded')
      ? invalidTransition('measurement-exists', `The measurement of ${refused.reason}.`)
      : ruleViolation('invalid-measurement', `The measurement cannot be recorded: ${refused.reason}.`);
  }
  return accept(...plan.events);
}

function correctMeasurement(
  district: District,
  command: Extract<IndicatorCommand, { type: 'CorrectMeasurement' }>,
  indicator: Indicator,
): Decision<IndicatorEvent> {
  const rejected =
    requireDefined(indicator) ??
    (command.reason.trim() === ''
      ? ruleViolation('reason-required', 'Give a reason to correct a measurement.')
      : undefined);
  if (rejected) return rejected;
  const definition = indicator.definition as IndicatorDefinition;
  const earlier = indicator.measurements.get(slotKey(command.slot));
  if (!earlier) {
    return ruleViolation(
      'measurement-not-found',
      `There is no measurement of ${definition.key} for ${command.slot.regionKey} ${command.slot.period} to correct.`,
    );
  }
  const problem = measurementProblem(district, definition, { ...earlier, value: command.value });
  if (problem) return ruleViolation('invalid-measurement', `The correction cannot be recorded: ${problem}.`);
  if (earlier.value === command.value) {
    return ruleViolation(
      'correction-without-change',
      `${command.slot.regionKey} ${command.slot.period} already has the value ${command.value}.`,
    );
  }
  const { measurementId, regionKey, period, breakdown } = earlier;
  return accept(
    {
      type: 'MeasurementCorrected',
      data: {
        measurementId,
        indicatorKey: definition.key,
        regionKey,
        period,
        ...(breakdown ? { breakdown } : {}),
        value: command.value,
        previousValue: earlier.value,
      },
    },
    ...breaches(
      indicator,
      { ...earlier, value: command.value },
      () => new TotalsByRegion(indicator.measurements.values()),
      earlier.value,
    ),
  );
}

/** Dispatches each command to its decision; the district's regions are the ones measurements may name. */
export function decideIndicator(
  district: District,
): (command: IndicatorCommand, indicator: Indicator) => Decision<IndicatorEvent> {
  return (command, indicator) => {
    switch (command.type) {
      case 'DefineIndicator':
        return define(command, indicator);
      case 'ReviseIndicator':
        return revise(indicator, command.changes, command.reason);
      case 'SetThresholds':
        return setThresholds(command.thresholds, indicator);
      case 'RecordMeasurements':
        return recordMeasurements(district, command.measurements, indicator);
      case 'CorrectMeasurement':
        return correctMeasurement(district, command, indicator);
      default:
        return unknownCommand(command);
    }
  };
}

function apply(indicator: Indicator, event: IndicatorEvent, measurements: Map<string, Measurement>): Indicator {
  switch (event.type) {
    case 'IndicatorDefined':
      return {
        ...indicator,
        status: 'defined',
        definition: event.data.definition,
        thresholds: event.data.thresholds,
        synthetic: event.data.synthetic,
      };
    case 'IndicatorRevised':
      return { ...indicator, definition: { ...(indicator.definition as IndicatorDefinition), ...event.data.changes } };
    case 'ThresholdsSet':
      return { ...indicator, thresholds: event.data.thresholds };
    case 'MeasurementRecorded': {
      const { indicatorKey: _indicatorKey, ...measurement } = event.data;
      measurements.set(slotKey(measurement), measurement);
      return indicator;
    }
    case 'MeasurementCorrected': {
      const key = slotKey(event.data);
      const earlier = measurements.get(key);
      if (earlier) measurements.set(key, { ...earlier, value: event.data.value });
      return indicator;
    }
    case 'ThresholdBreached':
      return indicator;
  }
}

export function evolveIndicator(indicator: Indicator, event: IndicatorEvent): Indicator {
  return evolveIndicatorAll(indicator, [event]);
}

/** Folds many events with one private copy of the measurements instead of a copy per event. */
export function evolveIndicatorAll(indicator: Indicator, events: readonly IndicatorEvent[]): Indicator {
  const measurements = new Map(indicator.measurements);
  const state = events.reduce((current, event) => apply(current, event, measurements), indicator);
  return { ...state, measurements };
}

/** An indicator of the catalogue with its measurements, as a decider for the district's regions. */
export function indicatorDecider(district: District): Decider<IndicatorCommand, Indicator, IndicatorEvent> {
  return {
    initialState: initialIndicator,
    decide: decideIndicator(district),
    evolve: evolveIndicator,
    evolveAll: evolveIndicatorAll,
  };
}
