import { DomainEvent } from '@bildungsregion/decider';
import { EducationStage } from '@bildungsregion/contracts';
import { Criterion, Evaluator } from './evaluation';

/**
 * An Ideenaufruf: the office asks for ideas on a theme. Drafted by a coordinator, or automatically when
 * monitoring or goals report a problem; opened and closed by a coordinator.
 */
export const CALL_STATUSES = ['draft', 'open', 'closed'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export interface CallTerms {
  readonly theme: string;
  readonly description: string;
  readonly stages: readonly EducationStage[];
  /** AGS keys of the Landkreis or the municipalities the call addresses; empty for the whole district. */
  readonly regionKeys: readonly string[];
  /** Whom the call addresses, e.g. "Schulen", "Jugendhilfe". */
  readonly targetGroups: readonly string[];
  /** The call's own criteria catalogue; empty means the office's default. */
  readonly criteria: readonly Criterion[];
  /** Who may be asked to evaluate the call's ideas. */
  readonly evaluatorPool: readonly Evaluator[];
}

/** What made the system draft a call by itself: the integration event and what it reported. */
export type CallCause =
  | {
      readonly kind: 'threshold-breach';
      readonly eventId: string;
      readonly indicatorKey: string;
      readonly regionKey: string;
      readonly period: string;
      readonly value: number;
      readonly threshold: number;
    }
  | {
      readonly kind: 'goal-assessment';
      readonly eventId: string;
      readonly goalId: string;
      readonly from: string | null;
      readonly to: string;
      readonly asOf: string;
    };

export interface CallPeriod {
  readonly opensOn: string;
  readonly closesOn: string;
}

export interface Call {
  readonly status: 'none' | CallStatus;
  readonly callId: string;
  readonly terms: CallTerms | null;
  readonly cause: CallCause | null;
  readonly period: CallPeriod | null;
}

export const initialCall: Call = { status: 'none', callId: '', terms: null, cause: null, period: null };

export type CallEvent =
  | DomainEvent<'CallDrafted', { callId: string; terms: CallTerms; cause?: CallCause }>
  | DomainEvent<'CallRevised', { changes: Partial<CallTerms> }>
  /** Carries the terms as opened: what the call asked for is part of the record. */
  | DomainEvent<'CallOpened', CallPeriod & { terms: CallTerms }>
  | DomainEvent<'CallClosed', { closedOn: string; early: boolean }>;

export type CallCommand =
  | { readonly type: 'DraftCall'; readonly callId: string; readonly terms: CallTerms; readonly cause?: CallCause }
  | { readonly type: 'ReviseCall'; readonly changes: Partial<CallTerms> }
  | ({ readonly type: 'OpenCall' } & CallPeriod)
  | { readonly type: 'CloseCall'; readonly on: string };
