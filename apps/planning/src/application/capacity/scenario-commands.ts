import { Aggregates, CommandOutcome, CommandRequest, newIdFor } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { Scenario, ScenarioChanges, ScenarioCommand, ScenarioEvent, ScenarioProfile } from '../../domain/scenario';
import { scenarioDecider } from '../../domain/scenario.decider';
import { SCENARIOS, SERVICE_NAME } from '../streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** Scenarios of the capacity plan: created, revised into new versions, archived. */
export class ScenarioCommands {
  readonly scenarios: Aggregates<ScenarioCommand, Scenario, ScenarioEvent>;

  constructor(store: EventStore, district: District) {
    this.scenarios = new Aggregates({
      store,
      decider: scenarioDecider(district),
      category: SCENARIOS,
      source: SERVICE_NAME,
      noun: 'scenario',
    });
  }

  /** Creates a scenario; `scenarioId` only for the baseline, which has a fixed id. */
  create(profile: ScenarioProfile, request: CommandRequest, scenarioId = newIdFor(request, 'scenario')) {
    return this.scenarios.execute(scenarioId, { type: 'CreateScenario', scenarioId, profile }, request, {
      creates: { code: 'scenario-exists', message: `A scenario with the id ${scenarioId} exists already.` },
    });
  }

  revise(scenarioId: string, changes: ScenarioChanges, request: Reasoned): Promise<CommandOutcome> {
    return this.scenarios.execute(scenarioId, { type: 'ReviseScenario', changes, reason: request.reason }, request);
  }

  archive(scenarioId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.scenarios.execute(scenarioId, { type: 'ArchiveScenario', reason: request.reason }, request);
  }
}
