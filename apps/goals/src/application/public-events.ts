import { AssessmentChanged, GoalAgreed, ProgressRecorded } from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { GoalEvent } from '../domain/goal';
import { goalIdOf } from './goal-streams';

/**
 * The explicit, versioned mapping from goals' internal events to the integration events other
 * services may rely on. Everything else stays inside the service.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  const goalId = goalIdOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as GoalEvent;
  switch (domainEvent.type) {
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
    case 'ProgressRecorded':
      return {
        type: ProgressRecorded.type,
        data: { goalId, progressId: domainEvent.data.progressId, value: domainEvent.data.value, asOf: domainEvent.data.asOf, source: domainEvent.data.source },
      };
    case 'AssessmentChanged':
      return { type: AssessmentChanged.type, data: { goalId, ...domainEvent.data } };
    default:
      return null;
  }
}
