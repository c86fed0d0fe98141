import { NotFoundError } from '@bildungsregion/application';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { ScenarioSummary, scenarioProjection, ScenarioVersion } from './scenario.projection';

/** A scenario version with the scenario's id, as a plan names it. */
export interface ScenarioAsRun extends ScenarioVersion {
  readonly scenarioId: string;
}

export class ScenarioQueries {
  private readonly documents: ReadModelCollection<ScenarioSummary>;

  constructor(readModels: ReadModelStore) {
    this.documents = readModels.collection<ScenarioSummary>(scenarioProjection.collection);
  }

  list(status?: 'active' | 'archived'): Promise<ScenarioSummary[]> {
    return this.documents.find({ filter: status ? { status } : {}, sort: { name: 1 }, limit: 500 });
  }

  async scenario(scenarioId: string): Promise<ScenarioSummary> {
    const [found] = await this.documents.find({ filter: { id: scenarioId }, limit: 1 });
    if (!found)
      throw new NotFoundError(`There is no scenario ${scenarioId}.`, 'scenario-not-found', 'Scenario not found');
    return found;
  }

  /** The given version, or the current one. */
  async version(scenarioId: string, version?: number): Promise<ScenarioAsRun> {
    const scenario = await this.scenario(scenarioId);
    const found = scenario.versions.find((entry) => entry.version === (version ?? scenario.version));
    if (!found)
      throw new NotFoundError(
        `The scenario ${scenarioId} has versions 1 to ${scenario.version}, not ${version}.`,
        'scenario-version-not-found',
        'Scenario version not found',
      );
    return { ...found, scenarioId };
  }
}
