import { RecordedEvent } from '@bildungsregion/event-store';
import { Projection, ProjectedDocument } from '@bildungsregion/read-models';
import { Assessment, Direction, EducationStage, GoalEvent, GoalStatus, GoalTerms } from '../../domain/goal';
import { missingTerms } from '../../domain/goal.decider';
import { GOALS } from '../streams';

/** One row of the goal list and the dashboard. */
export interface GoalSummary extends ProjectedDocument {
  readonly title: string;
  readonly status: GoalStatus;
  readonly stage: EducationStage;
  readonly regionKeys: readonly string[];
  readonly partyIds: readonly string[];
  readonly indicatorKey: string | null;
  /** The region whose measurements of the indicator show the goal's progress. */
  readonly indicatorRegionKey: string | null;
  readonly assessment: Assessment | null;
  /** The measured terms are null while a draft from an idea still lacks them. */
  readonly baseline: GoalTerms['baseline'] | null;
  readonly target: GoalTerms['target'] | null;
  readonly dueDate: string | null;
  readonly unit: string | null;
  readonly direction: Direction | null;
  /** The required terms a draft still lacks; it can be proposed once this is empty. */
  readonly missingTerms: readonly string[];
  /** The idea the goal was promoted from. */
  readonly originIdeaId: string | null;
  readonly latestProgress: { readonly progressId: string; readonly value: number; readonly asOf: string } | null;
  readonly synthetic: boolean;
  /** The status a resumption returns to. */
  readonly suspendedFrom: GoalStatus | null;
  /** Stream revision the row reflects; the ETag of the goal at that point. */
  readonly revision: number;
  readonly draftedAt: string;
  readonly updatedAt: string;
}

export const GOAL_SUMMARIES = 'goal_summaries';

function withTerms(
  summary: Omit<GoalSummary, 'projectedPosition'>,
  terms: Partial<GoalTerms>,
): Omit<GoalSummary, 'projectedPosition'> {
  return {
    ...summary,
    ...(terms.title !== undefined ? { title: terms.title } : {}),
    ...(terms.stage !== undefined ? { stage: terms.stage } : {}),
    ...(terms.baseline !== undefined ? { baseline: terms.baseline } : {}),
    ...(terms.unit !== undefined ? { unit: terms.unit } : {}),
    ...(terms.direction !== undefined ? { direction: terms.direction } : {}),
    ...(terms.regionKeys !== undefined ? { regionKeys: terms.regionKeys } : {}),
    ...(terms.parties !== undefined ? { partyIds: terms.parties.map((party) => party.id) } : {}),
    ...('indicator' in terms
      ? { indicatorKey: terms.indicator?.key ?? null, indicatorRegionKey: terms.indicator?.regionKey ?? null }
      : {}),
    ...(terms.target !== undefined ? { target: terms.target, dueDate: terms.target.dueDate } : {}),
  };
}

/**
 * The events that change a summary's indicator and region, and so which goals `linkedTo` finds: a
 * reaction to a measurement waits until these are applied, not for progress it recorded itself.
 */
export const LINKING_EVENTS: readonly GoalEvent['type'][] = [
  'GoalDrafted',
  'GoalDraftedFromIdea',
  'DraftAmended',
  'GoalRevised',
];

function evolveSummary(
  current: Omit<GoalSummary, 'projectedPosition'> | null,
  event: GoalEvent,
  recorded: RecordedEvent,
): Omit<GoalSummary, 'projectedPosition'> | null {
  if (event.type === 'GoalDrafted' || event.type === 'GoalDraftedFromIdea') {
    const { terms } = event.data;
    return withTerms(
      {
        id: event.data.goalId,
        title: terms.title,
        status: 'draft',
        stage: terms.stage,
        regionKeys: [],
        partyIds: [],
        indicatorKey: null,
        indicatorRegionKey: null,
        assessment: null,
        baseline: null,
        target: null,
        dueDate: null,
        unit: null,
        direction: null,
        missingTerms: event.type === 'GoalDrafted' ? [] : missingTerms({ ...terms, parties: [] }),
        originIdeaId: event.type === 'GoalDraftedFromIdea' ? event.data.origin.ideaId : null,
        latestProgress: null,
        synthetic: event.type === 'GoalDrafted' && event.data.synthetic,
        suspendedFrom: null,
        revision: recorded.revision,
        draftedAt: recorded.recordedAt,
        updatedAt: recorded.recordedAt,
      },
      terms,
    );
  }
  if (!current) return null;
  const summary = { ...current, revision: recorded.revision, updatedAt: recorded.recordedAt };
  switch (event.type) {
    case 'DraftAmended': {
      return { ...withTerms(summary, event.data.changes), missingTerms: event.data.missing };
    }
    case 'GoalProposed':
      return { ...summary, status: 'proposed' };
    case 'GoalAgreed':
      return { ...summary, status: 'agreed' };
    case 'GoalRevised':
      return { ...withTerms(summary, event.data.changes), status: current.status === 'draft' ? 'draft' : 'proposed' };
    case 'ProgressRecorded': {
      const { progressId, value, asOf } = event.data;
      const newer = !current.latestProgress || asOf >= current.latestProgress.asOf;
      return newer ? { ...summary, latestProgress: { progressId, value, asOf } } : summary;
    }
    case 'ProgressCorrected':
      return current.latestProgress?.progressId === event.data.progressId
        ? { ...summary, latestProgress: { ...current.latestProgress, value: event.data.value } }
        : summary;
    case 'AssessmentChanged':
      return { ...summary, assessment: event.data.to };
    case 'GoalSuspended':
      return { ...summary, status: 'suspended', suspendedFrom: current.status };
    case 'GoalResumed':
      return { ...summary, status: current.suspendedFrom ?? 'agreed', suspendedFrom: null };
    case 'GoalClosed':
      return { ...summary, status: event.data.outcome };
    case 'GoalCancelled':
      return { ...summary, status: 'cancelled' };
    default:
      return summary;
  }
}

/** The goal list: one document per goal with what coordinators filter, sort and count by. */
export const goalSummaryProjection: Projection<GoalSummary> = {
  name: 'goals.summaries',
  collection: GOAL_SUMMARIES,
  filter: { categories: [GOALS.name] },
  indexes: [
    { fields: { status: 1 } },
    { fields: { stage: 1 } },
    { fields: { regionKeys: 1 } },
    { fields: { partyIds: 1 } },
    { fields: { indicatorKey: 1, indicatorRegionKey: 1 } },
    { fields: { assessment: 1 } },
    { fields: { updatedAt: -1 } },
  ],
  documentIds: (event) => [GOALS.idOf(event.streamId)],
  evolve: (current, event) => evolveSummary(current, { type: event.type, data: event.data } as GoalEvent, event),
};
