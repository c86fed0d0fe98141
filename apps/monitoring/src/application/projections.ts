import { periodEndDate } from '@bildungsregion/contracts';
import { RecordedEvent } from '@bildungsregion/event-store';
import { Projection, ProjectedDocument } from '@bildungsregion/read-models';
import { Breakdown, IndicatorDefinition, IndicatorEvent, isTotal, Threshold } from '../domain/indicator';
import { ReleaseEvent } from '../domain/release.decider';
import { ImportReport } from './csv-import';
import { idInStream, IMPORT_CATEGORY, INDICATOR_CATEGORY, RELEASE_CATEGORY } from './streams';

/** One entry of the indicator catalogue. */
export interface IndicatorSummary extends ProjectedDocument, IndicatorDefinition {
  readonly thresholds: readonly Threshold[];
  readonly synthetic: boolean;
  readonly measurementCount: number;
  readonly latestPeriodEnd: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

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

export interface ReleaseSummary extends ProjectedDocument {
  readonly title: string;
  readonly periods: readonly string[];
  readonly indicatorKeys: readonly string[];
  readonly note: string | null;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

/** One row of the import list: what a file brought, without its rejected rows. */
export type ImportSummary = ProjectedDocument & Omit<ImportReport, 'importId' | 'rejections'>;

export const INDICATORS = 'indicators';
export const IMPORTS = 'imports';
export const MEASUREMENTS = 'measurements';
export const LATEST_VALUES = 'latest_values';
export const RELEASES = 'releases';

type Draft<T> = Omit<T, 'projectedPosition'>;

export function breakdownKeyOf(breakdown: Breakdown | undefined | null): string {
  const parts = [breakdown?.sex && `sex=${breakdown.sex}`, breakdown?.nationality && `nationality=${breakdown.nationality}`].filter(Boolean);
  return parts.length === 0 ? 'total' : parts.join(',');
}

const domainEvent = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as IndicatorEvent;

function evolveCatalogue(current: Draft<IndicatorSummary> | null, event: IndicatorEvent, recorded: RecordedEvent): Draft<IndicatorSummary> | null {
  const touched = { revision: recorded.revision, updatedAt: recorded.recordedAt };
  if (event.type === 'IndicatorDefined') {
    const definition: IndicatorDefinition = event.data.definition;
    return { id: definition.key, ...definition, thresholds: event.data.thresholds, synthetic: event.data.synthetic, measurementCount: 0, latestPeriodEnd: null, ...touched };
  }
  if (!current) return null;
  switch (event.type) {
    case 'IndicatorRevised':
      return { ...current, ...event.data.changes, ...touched };
    case 'ThresholdsSet':
      return { ...current, thresholds: event.data.thresholds, ...touched };
    case 'MeasurementRecorded': {
      const end = periodEndDate(event.data.period) as string;
      const latestPeriodEnd = current.latestPeriodEnd === null || end > current.latestPeriodEnd ? end : current.latestPeriodEnd;
      return { ...current, measurementCount: current.measurementCount + 1, latestPeriodEnd, ...touched };
    }
    default:
      return { ...current, ...touched };
  }
}

export const catalogueProjection: Projection<IndicatorSummary> = {
  name: 'monitoring.indicators',
  collection: INDICATORS,
  filter: { categories: [INDICATOR_CATEGORY] },
  indexes: [{ fields: { stage: 1 } }, { fields: { name: 1 } }],
  documentIds: (event) => [idInStream(event.streamId)],
  evolve: (current, event) => evolveCatalogue(current, domainEvent(event), event),
};

export const measurementProjection: Projection<MeasurementDocument> = {
  name: 'monitoring.measurements',
  collection: MEASUREMENTS,
  filter: { categories: [INDICATOR_CATEGORY], types: ['MeasurementRecorded', 'MeasurementCorrected'] },
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
      return { ...current, value: event.data.value, correctedAt: recorded.recordedAt, originalValue: current.originalValue ?? current.value };
    }
    return current;
  },
};

export const latestValueProjection: Projection<LatestValue> = {
  name: 'monitoring.latest-values',
  collection: LATEST_VALUES,
  filter: { categories: [INDICATOR_CATEGORY], types: ['MeasurementRecorded', 'MeasurementCorrected'] },
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
    if (event.type === 'MeasurementCorrected' && current?.measurementId === event.data.measurementId) return { ...current, value: event.data.value };
    return current;
  },
};

export const releaseProjection: Projection<ReleaseSummary> = {
  name: 'monitoring.releases',
  collection: RELEASES,
  filter: { categories: [RELEASE_CATEGORY] },
  indexes: [{ fields: { publishedAt: -1 } }],
  documentIds: (event) => [idInStream(event.streamId)],
  evolve: (_current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as ReleaseEvent;
    return {
      id,
      title: event.data.title,
      periods: event.data.periods,
      indicatorKeys: event.data.indicatorKeys,
      note: event.data.note ?? null,
      publishedAt: recorded.recordedAt,
      publishedBy: recorded.metadata.actor.id,
    };
  },
};

export const importProjection: Projection<ImportSummary> = {
  name: 'monitoring.imports',
  collection: IMPORTS,
  filter: { categories: [IMPORT_CATEGORY] },
  indexes: [{ fields: { importedAt: -1 } }],
  documentIds: (event) => [idInStream(event.streamId)],
  evolve: (_current, recorded, id) => {
    const { fileName, sha256, rows, recorded: recordedRows, unchanged, rejected } = recorded.data as ImportReport;
    return { id, fileName, sha256, rows, recorded: recordedRows, unchanged, rejected, importedAt: recorded.recordedAt, importedBy: recorded.metadata.actor.id };
  },
};

export const MONITORING_PROJECTIONS = [catalogueProjection, measurementProjection, latestValueProjection, releaseProjection, importProjection] as const;
