import { accept, Decider, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { Assumptions, PLANNING_STAGES } from './capacity';
import { Rejected, requireName, requireReason } from './rules';
import {
  BASELINE_SCENARIO_ID,
  Scenario,
  ScenarioChanges,
  ScenarioCommand,
  ScenarioEvent,
  ScenarioProfile,
} from './scenario';

function outside(what: string, value: number, from: number, to: number): Rejected | undefined {
  return value < from || value > to
    ? ruleViolation('assumption-out-of-range', `${what} is ${value}; it must lie between ${from} and ${to}.`)
    : undefined;
}

/** Every assumption within what a plan can mean; building areas in one of the district's municipalities. */
export function checkAssumptions(district: District, assumptions: Assumptions): Rejected | undefined {
  for (const stage of PLANNING_STAGES) {
    const rejected =
      outside(`The ${stage} participation rate`, assumptions.participation[stage] ?? 0, 0, 100) ??
      outside(`The ${stage} buffer`, assumptions.bufferPercent[stage] ?? 0, 0, 50) ??
      outside(`The ${stage} group size`, assumptions.groupSize[stage], 1, 40);
    if (rejected) return rejected;
  }
  const rejected =
    outside('The change of births in percent', assumptions.birthsChangePercent, -50, 100) ??
    outside('The yearly migration in percent', assumptions.migrationPercent, -20, 20) ??
    outside('The share of births before the school cut-off', assumptions.schoolEntryShareBeforeCutoff, 0, 1);
  if (rejected) return rejected;
  for (const area of assumptions.buildingAreas) {
    const municipality = district.municipalities.find((region) => region.key === area.regionKey);
    if (!municipality)
      return ruleViolation(
        'region-unknown',
        `The building area ${area.name} is in no municipality of the district (${area.regionKey}).`,
      );
    const invalid = outside(`The children of ${area.name}`, area.children, 1, 10_000);
    if (invalid) return invalid;
  }
  return undefined;
}

function requireActive(scenario: Scenario): Rejected | undefined {
  if (scenario.status === 'none') return invalidTransition('scenario-not-found', 'There is no scenario with this id.');
  return scenario.status === 'archived'
    ? invalidTransition('scenario-archived', 'The scenario is archived; its versions stay readable.')
    : undefined;
}

function revise(district: District, changes: ScenarioChanges, reason: string, scenario: Scenario) {
  const rejected = requireActive(scenario) ?? requireReason(reason);
  if (rejected) return rejected;
  const current = scenario.profile as ScenarioProfile;
  const differing = Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) => JSON.stringify(current[field as keyof ScenarioProfile]) !== JSON.stringify(value),
    ),
  ) as ScenarioChanges;
  if (Object.keys(differing).length === 0) return accept<ScenarioEvent>();
  const revised = { ...current, ...differing };
  return (
    requireName(revised.name) ??
    checkAssumptions(district, revised.assumptions) ??
    accept<ScenarioEvent>({
      type: 'ScenarioRevised',
      data: { version: scenario.version + 1, changes: differing, reason },
    })
  );
}

/** A scenario: created with its assumptions, revised into new versions with a reason, archived. */
export function scenarioDecider(district: District): Decider<ScenarioCommand, Scenario, ScenarioEvent> {
  return {
    initialState: { status: 'none', version: 0 },
    decide: (command, scenario) => {
      switch (command.type) {
        case 'CreateScenario':
          if (scenario.status !== 'none')
            return invalidTransition('scenario-exists', `A scenario with the id ${command.scenarioId} exists already.`);
          return (
            requireName(command.profile.name) ??
            checkAssumptions(district, command.profile.assumptions) ??
            accept({ type: 'ScenarioCreated', data: { scenarioId: command.scenarioId, profile: command.profile } })
          );
        case 'ReviseScenario':
          return revise(district, command.changes, command.reason, scenario);
        case 'ArchiveScenario':
          return (
            requireActive(scenario) ??
            requireReason(command.reason) ??
            (scenario.id === BASELINE_SCENARIO_ID
              ? invalidTransition('baseline-kept', 'The status-quo baseline stays; revise it instead.')
              : accept({ type: 'ScenarioArchived', data: { reason: command.reason } }))
          );
        default:
          return unknownCommand(command);
      }
    },
    evolve: (scenario, event) => {
      switch (event.type) {
        case 'ScenarioCreated':
          return { status: 'active', version: 1, profile: event.data.profile, id: event.data.scenarioId };
        case 'ScenarioRevised':
          return {
            ...scenario,
            version: event.data.version,
            profile: { ...(scenario.profile as ScenarioProfile), ...event.data.changes },
          };
        case 'ScenarioArchived':
          return { ...scenario, status: 'archived' };
      }
    },
  };
}
