import { DomainEvent } from '@bildungsregion/decider';
import { Assumptions } from './capacity';

/** The status-quo baseline every variant is compared with; it exists in every deployment. */
export const BASELINE_SCENARIO_ID = 'status-quo';

/** What a scenario says: its name, the text for a committee paper, and its assumptions. */
export interface ScenarioProfile {
  readonly name: string;
  readonly description: string;
  readonly assumptions: Assumptions;
}

export type ScenarioChanges = Partial<ScenarioProfile>;

/** A scenario (Szenario) of the capacity plan; every revision is a new version, older ones stay readable. */
export interface Scenario {
  readonly status: 'none' | 'active' | 'archived';
  readonly id?: string;
  readonly version: number;
  readonly profile?: ScenarioProfile;
}

export type ScenarioEvent =
  | DomainEvent<'ScenarioCreated', { scenarioId: string; profile: ScenarioProfile }>
  | DomainEvent<'ScenarioRevised', { version: number; changes: ScenarioChanges; reason: string }>
  | DomainEvent<'ScenarioArchived', { reason: string }>;

export type ScenarioCommand =
  | { readonly type: 'CreateScenario'; readonly scenarioId: string; readonly profile: ScenarioProfile }
  | { readonly type: 'ReviseScenario'; readonly changes: ScenarioChanges; readonly reason: string }
  | { readonly type: 'ArchiveScenario'; readonly reason: string };
