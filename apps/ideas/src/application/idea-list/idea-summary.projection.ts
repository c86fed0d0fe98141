import { Projection, ProjectedDocument } from '@bildungsregion/read-models';
import { EvaluationBasis, evaluationOf, StoredRow } from './evaluation-figures';
import {
  DecisionOutcome,
  EducationStage,
  IdeaContent,
  IdeaEvent,
  IdeaStatus,
  PromotionTarget,
  WithdrawalReason,
} from '../../domain/idea';
import { stemsOf } from '../similarity/german-text';
import { IDEAS } from '../streams';

/** One row of the idea list; also what the similarity search indexes. */
export interface IdeaSummary extends ProjectedDocument {
  readonly title: string;
  readonly description: string;
  readonly stages: readonly EducationStage[];
  readonly regionKeys: readonly string[];
  readonly tags: readonly string[];
  /** Tags in lower case, for filtering in any case. */
  readonly tagKeys: readonly string[];
  /** Stems of title, description and tags, for the text filter. */
  readonly searchTerms: readonly string[];
  readonly status: IdeaStatus;
  readonly submitterId: string;
  readonly submitterKind: 'actor' | 'coordinator';
  readonly withdrawal: { readonly reason: WithdrawalReason; readonly duplicateOf: string | null } | null;
  readonly revisions: number;
  readonly commentCount: number;
  /** Endorsements of this idea itself; a bundle's sources keep theirs. */
  readonly endorsementCount: number;
  readonly callId: string | null;
  /** The ideas a bundle merges. */
  readonly sourceIds: readonly string[];
  readonly bundledInto: string | null;
  readonly splitFrom: string | null;
  readonly evaluatorIds: readonly string[];
  readonly evaluation: {
    /** `none` before evaluators are assigned, `pending` until every one has scored, then `complete`. */
    readonly state: 'none' | 'pending' | 'complete';
    readonly assigned: number;
    readonly submitted: number;
    readonly weightedMean: number | null;
  };
  readonly decision: DecisionOutcome | null;
  readonly promotions: readonly {
    readonly promotionId: string;
    readonly target: PromotionTarget;
    readonly resultId: string | null;
  }[];
  /** Stream revision the row reflects; the ETag of the idea at that point. */
  readonly revision: number;
  readonly submittedAt: string;
  readonly updatedAt: string;
}

export const IDEA_SUMMARIES = 'idea_summaries';

type Row = Omit<IdeaSummary, 'projectedPosition'>;

function newRow(id: string, content: IdeaContent, submitter: { id: string; kind: 'actor' | 'coordinator' }): Row {
  return withContent(
    {
      id,
      title: '',
      description: '',
      stages: [],
      regionKeys: [],
      tags: [],
      tagKeys: [],
      searchTerms: [],
      status: 'submitted',
      submitterId: submitter.id,
      submitterKind: submitter.kind,
      withdrawal: null,
      revisions: 0,
      commentCount: 0,
      endorsementCount: 0,
      callId: null,
      sourceIds: [],
      bundledInto: null,
      splitFrom: null,
      evaluatorIds: [],
      evaluation: { state: 'none', assigned: 0, submitted: 0, weightedMean: null },
      decision: null,
      promotions: [],
      revision: 0,
      submittedAt: '',
      updatedAt: '',
    },
    content,
  );
}

function withContent(row: Row, content: IdeaContent): Row {
  return {
    ...row,
    ...content,
    tagKeys: content.tags.map((tag) => tag.toLocaleLowerCase('de')),
    searchTerms: [...new Set(stemsOf(`${content.title} ${content.description} ${content.tags.join(' ')}`))],
  };
}

/** The idea list: one document per idea. */
export const ideaSummaryProjection: Projection<IdeaSummary> = {
  name: 'ideas.idea-summaries',
  collection: IDEA_SUMMARIES,
  filter: { categories: [IDEAS.name] },
  indexes: [
    { fields: { submittedAt: -1 } },
    { fields: { projectedPosition: 1 } },
    { fields: { status: 1, submittedAt: -1 } },
    { fields: { callId: 1 } },
    { fields: { evaluatorIds: 1 } },
  ],
  documentIds: (event) => [IDEAS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as IdeaEvent;
    const at = { revision: recorded.revision, updatedAt: recorded.recordedAt };
    const created = { ...at, submittedAt: recorded.recordedAt };
    if (event.type === 'IdeaSubmitted') {
      const { content, submitter, callId, splitFrom } = event.data;
      return {
        ...newRow(id, content, submitter),
        ...created,
        callId: callId ?? null,
        splitFrom: splitFrom?.ideaId ?? null,
      };
    }
    if (event.type === 'BundleFormed') {
      const { content, submitter, sourceIds } = event.data;
      return { ...newRow(id, content, submitter), ...created, sourceIds };
    }
    if (!current) return null;
    const row: StoredRow = { ...current, ...at };
    switch (event.type) {
      case 'IdeaRevised': {
        const { title, description, stages, regionKeys, tags } = row;
        return withContent(
          { ...row, revisions: row.revisions + 1 },
          { title, description, stages, regionKeys, tags, ...event.data.changes },
        );
      }
      case 'IdeaWithdrawn':
        return {
          ...row,
          status: 'withdrawn',
          withdrawal: { reason: event.data.reason, duplicateOf: event.data.duplicateOf ?? null },
        };
      case 'CommentPosted':
        return { ...row, commentCount: row.commentCount + 1 };
      case 'CommentEdited':
        return row;
      case 'IdeaEndorsed':
        return { ...row, endorsementCount: row.endorsementCount + 1 };
      case 'EndorsementWithdrawn':
        return { ...row, endorsementCount: row.endorsementCount - 1 };
      case 'IdeaBundled':
        return { ...row, status: 'bundled', bundledInto: event.data.bundleId };
      case 'IdeaUnbundled':
        return { ...row, status: 'submitted', bundledInto: null };
      case 'BundleUndone':
        return { ...row, status: 'dissolved' };
      case 'IdeaSplit':
        return { ...row, status: 'split' };
      case 'EvaluatorsAssigned': {
        const evaluatorIds = [...row.evaluatorIds, ...event.data.evaluators.map((evaluator) => evaluator.id)];
        const basis = row.evaluationBasis ?? { criteria: event.data.criteria, evaluations: [] };
        return {
          ...row,
          evaluatorIds,
          evaluationBasis: basis,
          evaluation: evaluationOf(evaluatorIds.length, basis),
        };
      }
      case 'EvaluationSubmitted': {
        const previous = row.evaluationBasis as EvaluationBasis;
        const basis = {
          ...previous,
          evaluations: [
            ...previous.evaluations.filter((entry) => entry.evaluatorId !== event.data.evaluatorId),
            event.data,
          ],
        };
        return { ...row, evaluationBasis: basis, evaluation: evaluationOf(row.evaluatorIds.length, basis) };
      }
      case 'IdeaDecided':
        return { ...row, decision: event.data.outcome };
      case 'IdeaPromoted':
        return { ...row, promotions: [...row.promotions, { ...event.data, resultId: null }] };
      case 'PromotionRealised':
        return {
          ...row,
          promotions: row.promotions.map((promotion) =>
            promotion.promotionId === event.data.promotionId
              ? { ...promotion, resultId: event.data.resultId }
              : promotion,
          ),
        };
    }
  },
};
