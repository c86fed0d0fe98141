import {
  AssessmentChanged,
  GoalAgreed,
  GoalDrafted,
  ProgressCorrected,
  ProgressRecorded,
} from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { GoalEvent } from '../domain/goal';
import { GOALS } from './streams';

/**
 * The explicit, versioned mapping from goals' internal events to the integration events other
 * services may rely on. Everything else stays inside the service.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  const goalId = GOALS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as GoalEvent;
  switch (domainEvent.type) {
    case 'GoalDrafted':
    case 'GoalDraftedFromIdea': {
      const { terms } = domainEvent.data;
      return {
        type: GoalDrafted.type,
        data: {
          goalId,
          title: terms.title,
          stage: terms.stage,
          regionKeys: [...terms.regionKeys],
          ...(domainEvent.type === 'GoalDraftedFromIdea' ? { origin: { ...domainEvent.data.origin } } : {}),
        },
      };
    }
    case 'GoalAgreed': {
      const { terms } = domainEvent.data;
      return {
        type: GoalAgreed.type,
        data: {
          goalId,
          title: terms.title,
          stage: terms.stage,
          regionKeys: [...terms.regionKeys],
          ...(terms.indicator ? { indicator: { key: terms.indicator.key, regionKey: terms.indicator.regionKey } } : {}),
          authority: domainEvent.data.authority,
          effectiveAt: domainEvent.data.effectiveOn,
        },
      };
    }
    case 'ProgressRecorded': {
      const { progressId, value, asOf, source, measurementId } = domainEvent.data;
      return {
        type: ProgressRecorded.type,
        data: { goalId, progressId, value, asOf, source, ...(measurementId ? { measurementId } : {}) },
      };
    }
    case 'ProgressCorrected': {
      const { progressId, value, previousValue } = domainEvent.data;
      return { type: ProgressCorrected.type, data: { goalId, progressId, value, previousValue } };
    }
    case 'AssessmentChanged':
      return { type: AssessmentChanged.type, data: { goalId, ...domainEvent.data } };
    default:
      return null;
  }
}
