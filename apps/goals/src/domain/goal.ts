import { DomainEvent } from '@bildungsregion/decider';

import { EducationStage } from '@bildungsregion/contracts';

export { EDUCATION_STAGES, type EducationStage } from '@bildungsregion/contracts';

export const GOAL_STATUSES = ['draft', 'proposed', 'agreed', 'suspended', 'achieved', 'missed', 'cancelled'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const ASSESSMENTS = ['on-track', 'at-risk', 'off-track'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export type Direction = 'higher' | 'lower';
export type ProgressSource = 'manual' | 'monitoring';

/** An actor bound by the agreement: the one responsible for it or one contributing to it. */
export interface Party {
  readonly id: string;
  readonly name: string;
  readonly role: 'responsible' | 'contributing';
}

/** Dates are calendar dates (YYYY-MM-DD), which compare correctly as strings. */
export interface Baseline {
  readonly value: number;
  readonly date: string;
}

export interface Target {
  readonly value: number;
  readonly dueDate: string;
}

export interface Milestone {
  readonly date: string;
  readonly value: number;
}

/** The monitoring indicator whose measurements show the goal's progress. */
export interface IndicatorLink {
  readonly key: string;
  readonly regionKey: string;
}

/** What the parties agree on. */
export interface GoalTerms {
  readonly title: string;
  readonly description: string;
  readonly stage: EducationStage;
  /** AGS keys of the Landkreis or the municipalities the project covers. */
  readonly regionKeys: readonly string[];
  readonly parties: readonly Party[];
  readonly indicator?: IndicatorLink;
  readonly baseline: Baseline;
  readonly target: Target;
  readonly milestones: readonly Milestone[];
  readonly unit: string;
  readonly direction: Direction;
}

/** The terms a revision may change; baseline, stage and unit stay, since progress is measured against them. */
export type RevisableTerms = Partial<
  Pick<GoalTerms, 'title' | 'description' | 'regionKeys' | 'parties' | 'indicator' | 'target' | 'milestones'>
>;

/**
 * What goals keep of the monitoring measurement that reported a progress value, so the value can be
 * traced back to its data import or request without asking monitoring.
 */
export interface MeasurementProvenance {
  /** The id of the integration event that carried the measurement. */
  readonly eventId: string;
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly period: string;
  readonly value: number;
  /** Where monitoring has the value from, e.g. a statistics office table. */
  readonly source: string;
  readonly recordedBy: { readonly id: string; readonly role: string };
  readonly recordedAt: string;
  readonly correlationId: string;
  /** The CSV import that delivered the value, if it came from one. */
  readonly importId?: string;
}

export interface ProgressRecord {
  readonly progressId: string;
  readonly value: number;
  /** The date the value describes. */
  readonly asOf: string;
  readonly source: ProgressSource;
  readonly note?: string;
  /** The monitoring measurement that reported the value, when the source is monitoring. */
  readonly measurementId?: string;
  readonly measurement?: MeasurementProvenance;
  /** Ids of the monitoring events already applied to this record (its measurement and corrections). */
  readonly measurementEvents?: readonly string[];
  /** The value first recorded, when it has since been corrected. */
  readonly originalValue?: number;
}

/** Who corrected a measurement in monitoring, when a correction of a goal's progress comes from there. */
export interface MeasurementCorrection {
  readonly eventId: string;
  readonly correctedBy: { readonly id: string; readonly role: string };
}

/** The terms a coordinator must complete before a goal drafted from an idea can be proposed. */
export const REQUIRED_TERMS = [
  'title',
  'description',
  'stage',
  'regionKeys',
  'parties',
  'baseline',
  'target',
  'unit',
  'direction',
] as const satisfies readonly (keyof GoalTerms)[];

/** The terms of a draft that is not complete yet: what an idea brought, and what a coordinator added. */
export type DraftTerms = Partial<GoalTerms>;

/** The idea a goal was promoted from, and the promotion that asked for it. */
export interface GoalOrigin {
  readonly ideaId: string;
  readonly promotionId: string;
}

export interface Goal {
  readonly status: 'none' | GoalStatus;
  readonly goalId?: string;
  /** Complete terms; absent while a draft from an idea still lacks some (see `incompleteTerms`). */
  readonly terms?: GoalTerms;
  readonly incompleteTerms?: DraftTerms;
  readonly origin?: GoalOrigin;
  /** Sample data that the project ships; never a real agreement. */
  readonly synthetic: boolean;
  /** Parties that consented to the current proposal. */
  readonly consents: readonly string[];
  readonly agreement?: { readonly authority: string; readonly effectiveOn: string };
  readonly progress: readonly ProgressRecord[];
  readonly assessment: Assessment | null;
  /** Where a resumption returns to. */
  readonly suspendedFrom?: GoalStatus;
}

export type GoalEvent =
  | DomainEvent<'GoalDrafted', { goalId: string; terms: GoalTerms; synthetic: boolean }>
  | DomainEvent<
      'GoalDraftedFromIdea',
      { goalId: string; terms: Pick<GoalTerms, 'title' | 'description' | 'stage' | 'regionKeys'>; origin: GoalOrigin }
    >
  /** Changes any term of a draft, including those a revision keeps (stage, baseline, unit). */
  | DomainEvent<'DraftAmended', { changes: DraftTerms; missing: readonly string[] }>
  | DomainEvent<'GoalProposed', Record<string, never>>
  | DomainEvent<'ConsentRecorded', { partyId: string }>
  /** Carries the terms as agreed, so the agreement is self-contained in the record. */
  | DomainEvent<'GoalAgreed', { authority: string; effectiveOn: string; terms: GoalTerms }>
  | DomainEvent<'GoalRevised', { changes: RevisableTerms }>
  | DomainEvent<'MilestoneAdded', { milestone: Milestone }>
  | DomainEvent<'ProgressRecorded', ProgressRecord>
  | DomainEvent<
      'ProgressCorrected',
      { progressId: string; value: number; previousValue: number; measurementCorrection?: MeasurementCorrection }
    >
  | DomainEvent<'AssessmentChanged', { from: Assessment | null; to: Assessment; asOf: string }>
  | DomainEvent<'GoalSuspended', Record<string, never>>
  | DomainEvent<'GoalResumed', Record<string, never>>
  | DomainEvent<'GoalClosed', { outcome: 'achieved' | 'missed' }>
  | DomainEvent<'GoalCancelled', Record<string, never>>;

export type GoalEventType = GoalEvent['type'];

/** Commands that must say why (the reason goes into the event's metadata). */
interface WithReason {
  readonly reason: string;
}

export type GoalCommand =
  | { readonly type: 'DraftGoal'; readonly goalId: string; readonly terms: GoalTerms; readonly synthetic?: boolean }
  | {
      readonly type: 'DraftGoalFromIdea';
      readonly goalId: string;
      readonly terms: Pick<GoalTerms, 'title' | 'description' | 'stage' | 'regionKeys'>;
      readonly origin: GoalOrigin;
    }
  | { readonly type: 'AmendDraft'; readonly changes: DraftTerms }
  | { readonly type: 'ProposeGoal' }
  | { readonly type: 'RecordConsent'; readonly partyId: string }
  | { readonly type: 'AgreeGoal'; readonly authority: string; readonly effectiveOn: string }
  | ({ readonly type: 'ReviseGoal'; readonly changes: RevisableTerms } & WithReason)
  | { readonly type: 'AddMilestone'; readonly milestone: Milestone }
  | ({ readonly type: 'RecordProgress' } & Omit<ProgressRecord, 'originalValue' | 'measurementEvents'>)
  | ({
      readonly type: 'CorrectProgress';
      readonly progressId: string;
      readonly value: number;
      readonly measurementCorrection?: MeasurementCorrection;
    } & WithReason)
  | ({ readonly type: 'SuspendGoal' } & WithReason)
  | { readonly type: 'ResumeGoal'; readonly reason?: string }
  | ({ readonly type: 'CloseGoal'; readonly outcome: 'achieved' | 'missed' } & WithReason)
  | ({ readonly type: 'CancelGoal' } & WithReason);

export type GoalCommandType = GoalCommand['type'];

export const initialGoal: Goal = { status: 'none', synthetic: false, consents: [], progress: [], assessment: null };
