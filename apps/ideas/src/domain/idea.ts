import { DomainEvent } from '@bildungsregion/decider';
import { EducationStage } from '@bildungsregion/contracts';
import { Criterion, Evaluation, Evaluator } from './evaluation';

export { EDUCATION_STAGES, type EducationStage } from '@bildungsregion/contracts';

/**
 * `submitted` is open; `bundled` merged into a bundle (it stays readable), `split` a bundle divided
 * into new ideas, `dissolved` a bundle whose merge was undone.
 */
export const IDEA_STATUSES = ['submitted', 'withdrawn', 'bundled', 'split', 'dissolved'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

/** Why an author withdraws an idea; `duplicate` names the idea it duplicates. */
export const WITHDRAWAL_REASONS = ['duplicate', 'under-way', 'not-feasible', 'done', 'other'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/** A comment's author may change its text this long after posting it; after that it is kept as it is. */
export const COMMENT_EDIT_MINUTES = 15;

/** What an idea says; its author may change it until evaluation starts. */
export interface IdeaContent {
  readonly title: string;
  readonly description: string;
  /** Bildungsbereiche it concerns, at least one. */
  readonly stages: readonly EducationStage[];
  /** AGS keys of the Landkreis or the municipalities it concerns; empty when it concerns none in particular. */
  readonly regionKeys: readonly string[];
  readonly tags: readonly string[];
}

export type ContentChanges = Partial<IdeaContent>;

/** Who submitted the idea: an actor organisation, or the office itself. */
export interface Submitter {
  readonly id: string;
  readonly kind: 'actor' | 'coordinator';
}

export interface Withdrawal {
  readonly reason: WithdrawalReason;
  readonly explanation: string;
  readonly duplicateOf?: string;
}

/** The ideas a bundle merges, why, and who wrote them: every source's author is a co-author of the bundle. */
export interface BundleSources {
  readonly sourceIds: readonly string[];
  readonly reason: string;
  readonly coAuthors: readonly Submitter[];
}

/** Where an idea split off from: the idea divided, and which part of it this idea carries. */
export interface SplitOrigin {
  readonly ideaId: string;
  readonly carries: string;
}

export interface SplitPart {
  readonly ideaId: string;
  readonly carries: string;
}

export const DECISION_OUTCOMES = ['accepted', 'rejected', 'parked'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** What the office decided about an idea, and on whose authority (e.g. a committee's resolution). */
export interface IdeaDecision {
  readonly outcome: DecisionOutcome;
  readonly authority: string;
  readonly reason: string;
}

export const PROMOTION_TARGETS = ['goal', 'measure'] as const;
export type PromotionTarget = (typeof PROMOTION_TARGETS)[number];

/** An accepted idea handed on to goals or planning; `resultId` names what it became there, once known. */
export interface Promotion {
  readonly promotionId: string;
  readonly target: PromotionTarget;
  readonly resultId?: string;
}

export interface EvaluationState {
  /** The catalogue the idea is scored against, fixed when the first evaluators are assigned. */
  readonly criteria: readonly Criterion[];
  readonly evaluators: readonly Evaluator[];
  /** The latest evaluation of each evaluator. */
  readonly evaluations: readonly Evaluation[];
}

export interface IdeaComment {
  readonly commentId: string;
  readonly authorId: string;
  readonly text: string;
  readonly postedAt: string;
  /** The comment this one answers; replies go one level deep. */
  readonly replyTo?: string;
  readonly editedAt?: string;
}

export interface Idea {
  readonly status: 'none' | IdeaStatus;
  readonly ideaId: string;
  readonly content: IdeaContent | null;
  readonly submitter: Submitter | null;
  /** The call for ideas it answers, when it answers one. */
  readonly callId?: string;
  /** How often its content was revised. */
  readonly revisions: number;
  readonly withdrawal: Withdrawal | null;
  readonly comments: readonly IdeaComment[];
  /** The actor organisations that endorse it, one endorsement each. */
  readonly endorsements: readonly string[];
  /** Authors of the ideas a bundle merges (or of the bundle a split part comes from). */
  readonly coAuthors: readonly Submitter[];
  /** Set when the idea is a bundle. */
  readonly bundle?: Omit<BundleSources, 'coAuthors'>;
  /** The bundle this idea is merged into. */
  readonly bundledInto?: string;
  readonly splitInto?: readonly SplitPart[];
  readonly splitFrom?: SplitOrigin;
  readonly evaluation: EvaluationState | null;
  readonly decision: IdeaDecision | null;
  readonly promotions: readonly Promotion[];
}

export const initialIdea: Idea = {
  status: 'none',
  ideaId: '',
  content: null,
  submitter: null,
  revisions: 0,
  withdrawal: null,
  comments: [],
  endorsements: [],
  coAuthors: [],
  evaluation: null,
  decision: null,
  promotions: [],
};

export interface IdeaSubmission {
  readonly ideaId: string;
  readonly content: IdeaContent;
  readonly submitter: Submitter;
  readonly callId?: string;
  readonly splitFrom?: SplitOrigin;
  /** Authors of the bundle a split part comes from, who stay its co-authors. */
  readonly coAuthors?: readonly Submitter[];
}

export type IdeaEvent =
  | DomainEvent<'IdeaSubmitted', IdeaSubmission>
  | DomainEvent<'BundleFormed', { ideaId: string; content: IdeaContent; submitter: Submitter } & BundleSources>
  | DomainEvent<'IdeaBundled', { bundleId: string }>
  | DomainEvent<'BundleUndone', { reason: string; sourceIds: readonly string[] }>
  | DomainEvent<'IdeaUnbundled', { bundleId: string }>
  | DomainEvent<'IdeaSplit', { parts: readonly SplitPart[]; reason: string }>
  | DomainEvent<'EvaluatorsAssigned', { evaluators: readonly Evaluator[]; criteria: readonly Criterion[] }>
  | DomainEvent<'EvaluationSubmitted', Evaluation>
  | DomainEvent<'IdeaDecided', IdeaDecision>
  /** Carries the text as promoted, so goals or planning start from what was decided. */
  | DomainEvent<'IdeaPromoted', { promotionId: string; target: PromotionTarget; content: IdeaContent }>
  | DomainEvent<'PromotionRealised', { promotionId: string; resultId: string }>
  | DomainEvent<'IdeaRevised', { changes: ContentChanges; previous: ContentChanges }>
  | DomainEvent<'IdeaWithdrawn', Withdrawal>
  | DomainEvent<'CommentPosted', IdeaComment>
  | DomainEvent<'CommentEdited', { commentId: string; text: string; previousText: string; editedAt: string }>
  | DomainEvent<'IdeaEndorsed', { actorId: string }>
  | DomainEvent<'EndorsementWithdrawn', { actorId: string }>;

export type IdeaCommand =
  | ({ readonly type: 'SubmitIdea' } & IdeaSubmission)
  | {
      readonly type: 'FormBundle';
      readonly ideaId: string;
      readonly content: IdeaContent;
      readonly submitter: Submitter;
      readonly sources: readonly Pick<Idea, 'ideaId' | 'submitter' | 'coAuthors'>[];
      readonly reason: string;
    }
  | { readonly type: 'JoinBundle'; readonly bundleId: string }
  | { readonly type: 'UndoBundle'; readonly reason: string }
  | { readonly type: 'LeaveBundle'; readonly bundleId: string }
  | { readonly type: 'SplitIdea'; readonly parts: readonly SplitPart[]; readonly reason: string }
  | {
      readonly type: 'AssignEvaluators';
      readonly evaluators: readonly Evaluator[];
      readonly criteria: readonly Criterion[];
    }
  | ({ readonly type: 'SubmitEvaluation' } & Evaluation)
  | ({ readonly type: 'DecideIdea' } & IdeaDecision)
  | { readonly type: 'PromoteIdea'; readonly promotionId: string; readonly target: PromotionTarget }
  | { readonly type: 'RecordPromotionResult'; readonly promotionId: string; readonly resultId: string }
  | { readonly type: 'ReviseIdea'; readonly changes: ContentChanges }
  | { readonly type: 'WithdrawIdea'; readonly withdrawal: Withdrawal }
  | {
      readonly type: 'PostComment';
      readonly commentId: string;
      readonly authorId: string;
      readonly text: string;
      readonly replyTo?: string;
      readonly at: string;
    }
  | {
      readonly type: 'EditComment';
      readonly commentId: string;
      readonly editorId: string;
      readonly text: string;
      readonly at: string;
    }
  | { readonly type: 'EndorseIdea'; readonly actorId: string }
  | { readonly type: 'WithdrawEndorsement'; readonly actorId: string };
