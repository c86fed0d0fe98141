import { IdeaRevised, IdeaSubmitted, IdeaWithdrawn } from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { IdeaEvent } from '../domain/idea';
import { IDEAS } from './streams';

/**
 * The explicit, versioned mapping from ideas' internal events to the integration events other
 * services may rely on: submitted, revised, withdrawn. Comments and endorsements stay inside.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  const ideaId = IDEAS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as IdeaEvent;
  switch (domainEvent.type) {
    case 'IdeaSubmitted': {
      const { content, submitter, callId } = domainEvent.data;
      return {
        type: IdeaSubmitted.type,
        data: {
          ideaId,
          title: content.title,
          stages: [...content.stages],
          regionKeys: [...content.regionKeys],
          tags: [...content.tags],
          submitter: { id: submitter.id, kind: submitter.kind },
          ...(callId ? { callId } : {}),
        },
      };
    }
    case 'IdeaRevised':
      return { type: IdeaRevised.type, data: { ideaId, changes: domainEvent.data.changes } };
    case 'IdeaWithdrawn': {
      const { reason, duplicateOf } = domainEvent.data;
      return { type: IdeaWithdrawn.type, data: { ideaId, reason, ...(duplicateOf ? { duplicateOf } : {}) } };
    }
    default:
      return null;
  }
}
