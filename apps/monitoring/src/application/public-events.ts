import { PublicEvent } from '@bildungsregion/bus';
import {
  MeasurementCorrected,
  MeasurementRecorded,
  ReleasePublished,
  ThresholdBreached,
} from '@bildungsregion/contracts';
import { RecordedEvent } from '@bildungsregion/event-store';
import { IndicatorEvent } from '../domain/indicator';
import { ReleaseEvent } from '../domain/release.decider';

/**
 * The explicit, versioned mapping from monitoring's internal events to the integration events other
 * services rely on. Definitions, revisions and thresholds stay inside the service.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  const actor = event.metadata.actor;
  const domainEvent = { type: event.type, data: event.data } as IndicatorEvent | ReleaseEvent;
  switch (domainEvent.type) {
    case 'MeasurementRecorded': {
      const { measurementId, indicatorKey, regionKey, period, value, breakdown, source, importId } = domainEvent.data;
      return {
        type: MeasurementRecorded.type,
        data: {
          measurementId,
          indicatorKey,
          regionKey,
          period,
          value,
          ...(breakdown ? { breakdown } : {}),
          source,
          recordedBy: actor,
          ...(importId ? { importId } : {}),
        },
      };
    }
    case 'MeasurementCorrected': {
      const { measurementId, indicatorKey, regionKey, period, value, previousValue } = domainEvent.data;
      return {
        type: MeasurementCorrected.type,
        data: {
          measurementId,
          indicatorKey,
          regionKey,
          period,
          value,
          previousValue,
          reason: event.metadata.reason ?? '',
          correctedBy: actor,
        },
      };
    }
    case 'ThresholdBreached': {
      const { measurementId, indicatorKey, regionKey, period, value, threshold, preferredDirection } = domainEvent.data;
      return {
        type: ThresholdBreached.type,
        data: { measurementId, indicatorKey, regionKey, period, value, threshold: threshold.value, preferredDirection },
      };
    }
    case 'ReleasePublished': {
      const { releaseId, title, periods } = domainEvent.data;
      return { type: ReleasePublished.type, data: { releaseId, title, periods, publishedBy: actor } };
    }
    default:
      return null;
  }
}
