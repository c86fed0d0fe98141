import { periodEndDate } from '@bildungsregion/contracts';
import { RecordedEvent } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { Breakdown, IndicatorEvent, isTotal } from '../../domain/indicator';
import { INDICATORS } from '../streams';

/** One measured value, as the series, the comparison and the release check query it. */
export interface MeasurementDocument extends ProjectedDocument {
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly period: string;
  /** The period's date (see periodEndDate); series sort by it. */
  readonly periodEnd: string;
  /** `total`, or the subgroup like `sex=female` or `sex=female,nationality=foreign`. */
  readonly breakdownKey: string;
  readonly breakdown: Breakdown | null;
  readonly value: number;
  readonly source: string;
  readonly importId: string | null;
  readonly recordedAt: string;
  readonly recordedBy: string;
  /** Set when the value was corrected; the value before the first correction is in `originalValue`. */
  readonly correctedAt: string | null;
  readonly originalValue: number | null;
  readonly synthetic: boolean;
}

/** The latest total per indicator and region. */
export interface LatestValue extends ProjectedDocument {
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly measurementId: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
}

export function breakdownKeyOf(breakdown: Breakdown | undefined | null): string {
  const parts = [
    breakdown?.sex && `sex=${breakdown.sex}`,
    breakdown?.nationality && `nationality=${breakdown.nationality}`,
  ].filter(Boolean);
  return parts.length === 0 ? 'total' : parts.join(',');
}

const domainEvent = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as IndicatorEvent;

/** Every measured value, for series, comparisons and the release check. */
export const measurementProjection: Projection<MeasurementDocument> = {
  name: 'monitoring.measurements',
  collection: 'measurements',
  filter: { categories: [INDICATORS.name], types: ['MeasurementRecorded', 'MeasurementCorrected'] },
  indexes: [
    { fields: { indicatorKey: 1, regionKey: 1, breakdownKey: 1, periodEnd: 1 } },
    { fields: { indicatorKey: 1, period: 1, breakdownKey: 1 } },
    { fields: { importId: 1 } },
  ],
  documentIds: (event) => [(event.data as { measurementId: string }).measurementId],
  evolve: (current, recorded) => {
    const event = domainEvent(recorded);
    if (event.type === 'MeasurementRecorded') {
      const { data } = event;
      return {
        id: data.measurementId,
        indicatorKey: data.indicatorKey,
        regionKey: data.regionKey,
        period: data.period,
        periodEnd: periodEndDate(data.period) as string,
        breakdownKey: breakdownKeyOf(data.breakdown),
        breakdown: data.breakdown ?? null,
        value: data.value,
        source: data.source,
        importId: data.importId ?? null,
        recordedAt: recorded.recordedAt,
        recordedBy: recorded.metadata.actor.id,
        correctedAt: null,
        originalValue: null,
        synthetic: data.synthetic ?? false,
      };
    }
    if (event.type === 'MeasurementCorrected' && current) {
      return {
        ...current,
        value: event.data.value,
        correctedAt: recorded.recordedAt,
        originalValue: current.originalValue ?? current.value,
      };
    }
    return current;
  },
};

/** The latest total per indicator and region. */
export const latestValueProjection: Projection<LatestValue> = {
  name: 'monitoring.latest-values',
  collection: 'latest_values',
  filter: { categories: [INDICATORS.name], types: ['MeasurementRecorded', 'MeasurementCorrected'] },
  indexes: [{ fields: { indicatorKey: 1 } }, { fields: { regionKey: 1 } }],
  documentIds: (event) => {
    const data = event.data as { indicatorKey: string; regionKey: string; breakdown?: Breakdown };
    return isTotal(data) ? [`${data.indicatorKey}|${data.regionKey}`] : [];
  },
  evolve: (current, recorded, id) => {
    const event = domainEvent(recorded);
    if (event.type === 'MeasurementRecorded') {
      const periodEnd = periodEndDate(event.data.period) as string;
      if (current && current.periodEnd > periodEnd) return current;
      const { measurementId, indicatorKey, regionKey, period, value } = event.data;
      return { id, indicatorKey, regionKey, measurementId, period, periodEnd, value };
    }
    if (event.type === 'MeasurementCorrected' && current?.measurementId === event.data.measurementId)
      return { ...current, value: event.data.value };
    return current;
  },
};
