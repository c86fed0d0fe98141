import { accept, Decider, DomainEvent, invalidTransition, ruleViolation } from '@bildungsregion/decider';
import { PlanningStage } from './capacity';

/** One figure line of a recorded plan run, kept compact: a run holds thousands. */
export interface RecordedRow {
  readonly scenarioId: string;
  readonly regionKey: string;
  readonly stage: PlanningStage;
  readonly year: number;
  readonly children: number | null;
  readonly participation: number;
  readonly demand: number | null;
  readonly supply: number;
}

/** A plan run as recorded: what was computed, from which scenario versions and inputs, for what purpose. */
export interface PlanRunRecord {
  readonly runId: string;
  readonly purpose: string;
  readonly firstYear: number;
  readonly scenarios: readonly { readonly scenarioId: string; readonly version: number; readonly name: string }[];
  /** The measurements and institution states the figures were computed from. */
  readonly inputs: {
    readonly measurementIds: readonly string[];
    readonly institutions: readonly { readonly institutionId: string; readonly revision: number }[];
    /** Absent in runs recorded before measures were planned. */
    readonly measures?: readonly { readonly measureId: string; readonly status: string }[];
  };
  readonly rows: readonly RecordedRow[];
}

export type PlanRunEvent = DomainEvent<'PlanRunRecorded', PlanRunRecord>;
export type PlanRunCommand = { readonly type: 'RecordPlanRun'; readonly run: PlanRunRecord };

/** A plan run is recorded once and never changes, so the figures a committee saw can be shown again. */
export const planRunDecider: Decider<PlanRunCommand, { recorded: boolean }, PlanRunEvent> = {
  initialState: { recorded: false },
  decide: (command, state) => {
    if (state.recorded)
      return invalidTransition('plan-run-exists', `The plan run ${command.run.runId} is recorded already.`);
    if (command.run.purpose.trim() === '')
      return ruleViolation('purpose-required', 'Say what the run is for, e.g. the committee meeting it goes to.');
    return accept({ type: 'PlanRunRecorded', data: command.run });
  },
  evolve: () => ({ recorded: true }),
};
