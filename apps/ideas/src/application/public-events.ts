import {
  BundleFormed,
  BundleUndone,
  CallClosed,
  CallOpened,
  IdeaDecided,
  IdeaPromoted,
  IdeaRevised,
  IdeaSplit,
  IdeaSubmitted,
  IdeaWithdrawn,
} from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { CallEvent } from '../domain/call';
import { IdeaContent, IdeaEvent } from '../domain/idea';
import { CALLS, IDEAS } from './streams';

const outline = (content: IdeaContent) => ({
  title: content.title,
  stages: [...content.stages],
  regionKeys: [...content.regionKeys],
});

/**
 * The explicit, versioned mapping from ideas' internal events to the integration events other
 * services may rely on. Comments, endorsements and evaluations stay inside.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  if (event.streamId.startsWith(`${CALLS.name}-`)) return callToPublicEvent(event);
  const ideaId = IDEAS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as IdeaEvent;
  switch (domainEvent.type) {
    case 'IdeaSubmitted': {
      const { content, submitter, callId } = domainEvent.data;
      return {
        type: IdeaSubmitted.type,
        data: {
          ideaId,
          ...outline(content),
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
    case 'BundleFormed':
      return {
        type: BundleFormed.type,
        data: { bundleId: ideaId, ...outline(domainEvent.data.content), sourceIds: [...domainEvent.data.sourceIds] },
      };
    case 'BundleUndone':
      return { type: BundleUndone.type, data: { bundleId: ideaId, sourceIds: [...domainEvent.data.sourceIds] } };
    case 'IdeaSplit':
      return {
        type: IdeaSplit.type,
        data: {
          ideaId,
          parts: domainEvent.data.parts.map(({ ideaId: partId, carries }) => ({ ideaId: partId, carries })),
        },
      };
    case 'IdeaDecided':
      return {
        type: IdeaDecided.type,
        data: { ideaId, outcome: domainEvent.data.outcome, authority: domainEvent.data.authority },
      };
    case 'IdeaPromoted': {
      const { promotionId, target, content } = domainEvent.data;
      return {
        type: IdeaPromoted.type,
        data: { ideaId, promotionId, target, ...outline(content), description: content.description },
      };
    }
    default:
      return null;
  }
}

function callToPublicEvent(event: RecordedEvent): PublicEvent | null {
  const callId = CALLS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as CallEvent;
  switch (domainEvent.type) {
    case 'CallOpened': {
      const { opensOn, closesOn, terms } = domainEvent.data;
      return {
        type: CallOpened.type,
        data: {
          callId,
          theme: terms.theme,
          stages: [...terms.stages],
          regionKeys: [...terms.regionKeys],
          opensOn,
          closesOn,
        },
      };
    }
    case 'CallClosed':
      return { type: CallClosed.type, data: { callId, ...domainEvent.data } };
    default:
      return null;
  }
}
