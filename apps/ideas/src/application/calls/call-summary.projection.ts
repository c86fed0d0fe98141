import { Projection, ProjectedDocument } from '@bildungsregion/read-models';
import { CallCause, CallEvent, CallStatus, CallTerms } from '../../domain/call';
import { CALLS } from '../streams';

/** One row of the list of calls for ideas. */
export interface CallSummary extends ProjectedDocument {
  readonly theme: string;
  readonly description: string;
  readonly stages: CallTerms['stages'];
  readonly regionKeys: readonly string[];
  readonly targetGroups: readonly string[];
  readonly status: CallStatus;
  /** What made the system draft it; null for a call a coordinator drafted. */
  readonly cause: CallCause | null;
  readonly opensOn: string | null;
  readonly closesOn: string | null;
  readonly revision: number;
  readonly draftedAt: string;
  readonly updatedAt: string;
}

export const CALL_SUMMARIES = 'call_summaries';

export const callSummaryProjection: Projection<CallSummary> = {
  name: 'ideas.call-summaries',
  collection: CALL_SUMMARIES,
  filter: { categories: [CALLS.name] },
  indexes: [{ fields: { status: 1, draftedAt: -1 } }],
  documentIds: (event) => [CALLS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as CallEvent;
    const at = { revision: recorded.revision, updatedAt: recorded.recordedAt };
    switch (event.type) {
      case 'CallDrafted': {
        const { theme, description, stages, regionKeys, targetGroups } = event.data.terms;
        return {
          id,
          theme,
          description,
          stages,
          regionKeys,
          targetGroups,
          status: 'draft',
          cause: event.data.cause ?? null,
          opensOn: null,
          closesOn: null,
          draftedAt: recorded.recordedAt,
          ...at,
        };
      }
      case 'CallRevised': {
        if (!current) return null;
        const { theme, description, stages, regionKeys, targetGroups } = event.data.changes;
        return {
          ...current,
          ...at,
          ...(theme !== undefined ? { theme } : {}),
          ...(description !== undefined ? { description } : {}),
          ...(stages !== undefined ? { stages } : {}),
          ...(regionKeys !== undefined ? { regionKeys } : {}),
          ...(targetGroups !== undefined ? { targetGroups } : {}),
        };
      }
      case 'CallOpened':
        return (
          current && { ...current, ...at, status: 'open', opensOn: event.data.opensOn, closesOn: event.data.closesOn }
        );
      case 'CallClosed':
        return current && { ...current, ...at, status: 'closed', closesOn: event.data.closedOn };
    }
  },
};
