import { DomainEvent } from '@bildungsregion/decider';
import { EducationStage } from '@bildungsregion/contracts';

export { EDUCATION_STAGES, type EducationStage } from '@bildungsregion/contracts';

export const IDEA_STATUSES = ['submitted', 'withdrawn'] as const;
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
};

export type IdeaEvent =
  | DomainEvent<'IdeaSubmitted', { ideaId: string; content: IdeaContent; submitter: Submitter; callId?: string }>
  | DomainEvent<'IdeaRevised', { changes: ContentChanges; previous: ContentChanges }>
  | DomainEvent<'IdeaWithdrawn', Withdrawal>
  | DomainEvent<'CommentPosted', IdeaComment>
  | DomainEvent<'CommentEdited', { commentId: string; text: string; previousText: string; editedAt: string }>
  | DomainEvent<'IdeaEndorsed', { actorId: string }>
  | DomainEvent<'EndorsementWithdrawn', { actorId: string }>;

export type IdeaCommand =
  | {
      readonly type: 'SubmitIdea';
      readonly ideaId: string;
      readonly content: IdeaContent;
      readonly submitter: Submitter;
      readonly callId?: string;
    }
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
