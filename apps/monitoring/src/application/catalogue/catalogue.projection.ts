import { periodEndDate } from '@bildungsregion/contracts';
import { RecordedEvent } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { IndicatorDefinition, IndicatorEvent, Threshold } from '../../domain/indicator';
import { INDICATORS } from '../streams';

/** One entry of the indicator catalogue. */
export interface IndicatorSummary extends ProjectedDocument, IndicatorDefinition {
  readonly thresholds: readonly Threshold[];
  readonly synthetic: boolean;
  readonly measurementCount: number;
  readonly latestPeriodEnd: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

type Draft<T> = Omit<T, 'projectedPosition'>;

const domainEvent = (event: RecordedEvent) => ({ type: event.type, data: event.data }) as IndicatorEvent;

function evolveCatalogue(
  current: Draft<IndicatorSummary> | null,
  event: IndicatorEvent,
  recorded: RecordedEvent,
): Draft<IndicatorSummary> | null {
  const touched = { revision: recorded.revision, updatedAt: recorded.recordedAt };
  if (event.type === 'IndicatorDefined') {
    const definition: IndicatorDefinition = event.data.definition;
    return {
      id: definition.key,
      ...definition,
      thresholds: event.data.thresholds,
      synthetic: event.data.synthetic,
      measurementCount: 0,
      latestPeriodEnd: null,
      ...touched,
    };
  }
  if (!current) return null;
  switch (event.type) {
    case 'IndicatorRevised':
      return { ...current, ...event.data.changes, ...touched };
    case 'ThresholdsSet':
      return { ...current, thresholds: event.data.thresholds, ...touched };
    case 'MeasurementRecorded': {
      const end = periodEndDate(event.data.period) as string;
      const latestPeriodEnd =
        current.latestPeriodEnd === null || end > current.latestPeriodEnd ? end : current.latestPeriodEnd;
      return { ...current, measurementCount: current.measurementCount + 1, latestPeriodEnd, ...touched };
    }
    default:
      return { ...current, ...touched };
  }
}

/** The indicator catalogue: one document per indicator. */
export const catalogueProjection: Projection<IndicatorSummary> = {
  name: 'monitoring.indicators',
  collection: 'indicators',
  filter: { categories: [INDICATORS.name] },
  indexes: [{ fields: { stage: 1 } }, { fields: { name: 1 } }],
  documentIds: (event) => [INDICATORS.idOf(event.streamId)],
  evolve: (current, event) => evolveCatalogue(current, domainEvent(event), event),
};
