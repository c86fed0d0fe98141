import { given } from '@bildungsregion/decider';
import { IndicatorCommand, IndicatorDefinition, IndicatorEvent, Measurement } from './indicator';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import {
  evolveIndicator,
  evolveIndicatorAll,
  indicatorDecider as indicatorDeciderFor,
  planMeasurements,
} from './indicator.decider';
import { fold } from '@bildungsregion/decider';
import { STARTER_CATALOGUE } from './starter-catalogue';

const indicatorDecider = indicatorDeciderFor(LANDKREIS_OSNABRUECK);
const { municipalities: MUNICIPALITIES, regions: REGIONS } = LANDKREIS_OSNABRUECK;
const BRAMSCHE = '03459014';
const MELLE = '03459024';

const definition: IndicatorDefinition = {
  key: 'betreuungsquote-u3',
  name: 'Betreuungsquote unter 3 Jahren',
  stage: 'fruehkindliche-bildung',
  unit: 'percent',
  definition: 'Kinder unter 3 Jahren in Kindertagesbetreuung je 100 Kinder dieses Alters.',
  source: 'Kinder- und Jugendhilfestatistik',
  preferredDirection: 'higher',
  periodicity: 'year',
};
const threshold = { value: 30, label: 'Mindestversorgung' };
const defined: IndicatorEvent = { type: 'IndicatorDefined', data: { definition, thresholds: [], synthetic: false } };
const withThreshold: IndicatorEvent = { type: 'ThresholdsSet', data: { thresholds: [threshold] } };
const measurement = (
  measurementId: string,
  regionKey: string,
  period: string,
  value: number,
  extra: Partial<Measurement> = {},
): Measurement => ({
  measurementId,
  regionKey,
  period,
  value,
  source: 'KJH 2025',
  ...extra,
});
const recorded = (m: Measurement): IndicatorEvent => ({
  type: 'MeasurementRecorded',
  data: { ...m, indicatorKey: definition.key },
});
const record = (...measurements: Measurement[]): IndicatorCommand => ({ type: 'RecordMeasurements', measurements });

describe('an indicator of the monitoring catalogue', () => {
  describe('definition', () => {
    it('defines an indicator with its thresholds', () => {
      given(indicatorDecider, [])
        .when({ type: 'DefineIndicator', definition, thresholds: [threshold] })
        .then([{ type: 'IndicatorDefined', data: { definition, thresholds: [threshold], synthetic: false } }]);
    });

    it('refuses to define a key twice', () => {
      given(indicatorDecider, [defined])
        .when({ type: 'DefineIndicator', definition, thresholds: [] })
        .thenRejects('invalid-transition', 'indicator-exists');
    });

    it('refuses thresholds for an indicator without a preferred direction', () => {
      const count = { ...definition, unit: 'count' as const, preferredDirection: 'none' as const };
      given(indicatorDecider, [])
        .when({ type: 'DefineIndicator', definition: count, thresholds: [threshold] })
        .thenRejects('rule-violation', 'thresholds-without-direction');
    });

    it('refuses a percentage threshold above 100 and a threshold given twice', () => {
      given(indicatorDecider, [])
        .when({ type: 'DefineIndicator', definition, thresholds: [{ value: 120, label: 'x' }] })
        .thenRejects('rule-violation', 'threshold-out-of-range');
      given(indicatorDecider, [])
        .when({ type: 'DefineIndicator', definition, thresholds: [threshold, threshold] })
        .thenRejects('rule-violation', 'threshold-duplicate');
    });

    it('revises the name with a reason and keeps what did not change out of the event', () => {
      given(indicatorDecider, [defined])
        .when({
          type: 'ReviseIndicator',
          changes: { name: 'Betreuungsquote U3', source: definition.source },
          reason: 'Kurzform',
        })
        .then([{ type: 'IndicatorRevised', data: { changes: { name: 'Betreuungsquote U3' } } }]);
    });

    it('refuses a revision without a reason or without a change', () => {
      given(indicatorDecider, [defined])
        .when({ type: 'ReviseIndicator', changes: { name: 'Neu' }, reason: ' ' })
        .thenRejects('rule-violation', 'reason-required');
      given(indicatorDecider, [defined])
        .when({ type: 'ReviseIndicator', changes: { name: definition.name }, reason: 'x' })
        .thenRejects('rule-violation', 'revision-without-change');
    });

    it('refuses commands on an indicator that is not defined', () => {
      given(indicatorDecider, [])
        .when(record(measurement('m1', BRAMSCHE, '2025', 31)))
        .thenRejects('invalid-transition', 'indicator-not-found');
      given(indicatorDecider, [])
        .when({ type: 'SetThresholds', thresholds: [] })
        .thenRejects('invalid-transition', 'indicator-not-found');
    });

    it('sets thresholds, but not the same ones again', () => {
      given(indicatorDecider, [defined])
        .when({ type: 'SetThresholds', thresholds: [threshold] })
        .then([withThreshold]);
      given(indicatorDecider, [defined, withThreshold])
        .when({ type: 'SetThresholds', thresholds: [threshold] })
        .thenRejects('rule-violation', 'thresholds-without-change');
    });
  });

  describe('measurements', () => {
    it('records a measurement with its breakdown', () => {
      const female = measurement('m1', BRAMSCHE, '2025', 31.5, { breakdown: { sex: 'female' } });
      given(indicatorDecider, [defined])
        .when(record(female))
        .then([recorded(female)]);
    });

    it.each([
      ['an unknown region', measurement('m1', '03459099', '2025', 31), 'region 03459099'],
      ['a region outside the Landkreis', measurement('m1', '03404000', '2025', 31), 'region 03404000'],
      ['a school year for a yearly indicator', measurement('m1', BRAMSCHE, '2025/26', 31), 'not a valid year'],
      ['a percentage above 100', measurement('m1', BRAMSCHE, '2025', 100.5), 'between 0 and 100'],
      ['a negative percentage', measurement('m1', BRAMSCHE, '2025', -1), 'between 0 and 100'],
    ])('refuses %s', (_case, given_, reason) => {
      const decision = given(indicatorDecider, [defined]).when(record(given_)).decision;
      expect(decision).toMatchObject({
        accepted: false,
        rejection: { kind: 'rule-violation', code: 'invalid-measurement' },
      });
      expect(decision.accepted ? '' : decision.rejection.message).toContain(reason);
    });

    it('refuses a second, different value for the same region and period', () => {
      given(indicatorDecider, [defined, recorded(measurement('m1', BRAMSCHE, '2025', 31))])
        .when(record(measurement('m1', BRAMSCHE, '2025', 32)))
        .thenRejects('invalid-transition', 'measurement-exists');
    });

    it('records nothing when the same value is recorded again', () => {
      given(indicatorDecider, [defined, recorded(measurement('m1', BRAMSCHE, '2025', 31))])
        .when(record(measurement('m1', BRAMSCHE, '2025', 31)))
        .thenNothingHappened();
    });

    it('plans each row on its own: recorded, unchanged and rejected with the reason', () => {
      const state = fold(indicatorDecider, [defined, recorded(measurement('m1', BRAMSCHE, '2024', 29))]);
      const plan = planMeasurements(LANDKREIS_OSNABRUECK, state, [
        measurement('m2', BRAMSCHE, '2025', 31),
        measurement('m1', BRAMSCHE, '2024', 29),
        measurement('m3', MELLE, '2025', 140),
        measurement('m4', BRAMSCHE, '2025', 33),
      ]);
      expect(plan.outcomes).toEqual([
        { status: 'recorded', measurementId: 'm2' },
        { status: 'unchanged', measurementId: 'm1' },
        { status: 'rejected', reason: expect.stringContaining('between 0 and 100') },
        { status: 'rejected', reason: expect.stringContaining('already recorded with the value 31') },
      ]);
      expect(plan.events).toEqual([recorded(measurement('m2', BRAMSCHE, '2025', 31))]);
    });
  });

  describe('threshold breaches', () => {
    const history = [defined, withThreshold, recorded(measurement('m1', BRAMSCHE, '2024', 32))];
    const breach = (m: Measurement, previousValue: number | null): IndicatorEvent => ({
      type: 'ThresholdBreached',
      data: {
        measurementId: m.measurementId,
        indicatorKey: definition.key,
        regionKey: m.regionKey,
        period: m.period,
        value: m.value,
        threshold,
        preferredDirection: 'higher',
        previousValue,
      },
    });

    it('reports a value that falls below the threshold from above', () => {
      const falling = measurement('m2', BRAMSCHE, '2025', 28);
      given(indicatorDecider, history)
        .when(record(falling))
        .then([recorded(falling), breach(falling, 32)]);
    });

    it('reports a first value that is already on the bad side', () => {
      const first = measurement('m2', MELLE, '2025', 25);
      given(indicatorDecider, history)
        .when(record(first))
        .then([recorded(first), breach(first, null)]);
    });

    it('does not report a value that stays below, a value on the good side, or a breakdown', () => {
      const below = [...history, recorded(measurement('m2', BRAMSCHE, '2025', 28))];
      given(indicatorDecider, below)
        .when(record(measurement('m3', BRAMSCHE, '2026', 27)))
        .then([recorded(measurement('m3', BRAMSCHE, '2026', 27))]);
      given(indicatorDecider, history)
        .when(record(measurement('m2', BRAMSCHE, '2025', 30)))
        .then([recorded(measurement('m2', BRAMSCHE, '2025', 30))]);
      const female = measurement('m2', BRAMSCHE, '2025', 20, { breakdown: { sex: 'female' } });
      given(indicatorDecider, history)
        .when(record(female))
        .then([recorded(female)]);
    });

    it('reports a correction that moves a value across the threshold', () => {
      const ok = measurement('m2', BRAMSCHE, '2025', 31);
      const slot = { regionKey: BRAMSCHE, period: '2025' };
      given(indicatorDecider, [...history, recorded(ok)])
        .when({ type: 'CorrectMeasurement', slot, value: 29, reason: 'Meldefehler' })
        .then([
          {
            type: 'MeasurementCorrected',
            data: {
              measurementId: 'm2',
              indicatorKey: definition.key,
              regionKey: BRAMSCHE,
              period: '2025',
              value: 29,
              previousValue: 31,
            },
          },
          breach({ ...ok, value: 29 }, 32),
        ]);
    });
  });

  describe('corrections', () => {
    const history = [defined, recorded(measurement('m1', BRAMSCHE, '2025', 31))];
    const slot = { regionKey: BRAMSCHE, period: '2025' };

    it('corrects a value and names the one it replaces', () => {
      given(indicatorDecider, history)
        .when({ type: 'CorrectMeasurement', slot, value: 33, reason: 'Nachmeldung' })
        .then([
          {
            type: 'MeasurementCorrected',
            data: {
              measurementId: 'm1',
              indicatorKey: definition.key,
              regionKey: BRAMSCHE,
              period: '2025',
              value: 33,
              previousValue: 31,
            },
          },
        ]);
    });

    it('refuses a correction without a reason, without a change, of an unknown slot or out of range', () => {
      given(indicatorDecider, history)
        .when({ type: 'CorrectMeasurement', slot, value: 33, reason: '' })
        .thenRejects('rule-violation', 'reason-required');
      given(indicatorDecider, history)
        .when({ type: 'CorrectMeasurement', slot, value: 31, reason: 'x' })
        .thenRejects('rule-violation', 'correction-without-change');
      given(indicatorDecider, history)
        .when({ type: 'CorrectMeasurement', slot: { ...slot, period: '2024' }, value: 31, reason: 'x' })
        .thenRejects('rule-violation', 'measurement-not-found');
      given(indicatorDecider, history)
        .when({ type: 'CorrectMeasurement', slot, value: 101, reason: 'x' })
        .thenRejects('rule-violation', 'invalid-measurement');
    });
  });

  it('folds many events at once to the same state as one by one', () => {
    const events: IndicatorEvent[] = [defined, withThreshold];
    MUNICIPALITIES.forEach((region, index) => {
      events.push(recorded(measurement(`m${index}`, region.key, '2025', 20 + index)));
      if (index % 3 === 0) {
        events.push({
          type: 'MeasurementCorrected',
          data: {
            measurementId: `m${index}`,
            indicatorKey: definition.key,
            regionKey: region.key,
            period: '2025',
            value: 50,
            previousValue: 20 + index,
          },
        });
      }
    });
    const oneByOne = events.reduce(evolveIndicator, indicatorDecider.initialState);
    const atOnce = evolveIndicatorAll(indicatorDecider.initialState, events);
    expect(atOnce).toEqual(oneByOne);
    expect(atOnce.measurements.size).toBe(34);
    expect(indicatorDecider.initialState.measurements.size).toBe(0);
  });
});

describe('the reference data', () => {
  it('has Landkreis Osnabrück and its 34 municipalities, each key once', () => {
    expect(MUNICIPALITIES).toHaveLength(34);
    expect(new Set(REGIONS.map((region) => region.key)).size).toBe(35);
    expect(MUNICIPALITIES.every((region) => /^03459\d{3}$/.test(region.key))).toBe(true);
    expect(
      MUNICIPALITIES.filter((region) => region.samtgemeinde === 'Samtgemeinde Artland').map((region) => region.name),
    ).toEqual(['Badbergen', 'Menslage', 'Nortrup', 'Quakenbrück']);
  });

  it('has a starter catalogue covering every stage with unique keys', () => {
    expect(new Set(STARTER_CATALOGUE.map((indicator) => indicator.key)).size).toBe(STARTER_CATALOGUE.length);
    expect(new Set(STARTER_CATALOGUE.map((indicator) => indicator.stage)).size).toBe(6);
  });
});
