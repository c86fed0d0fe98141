import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { Assumptions } from '../../domain/capacity';
import { ScenarioEvent, ScenarioProfile } from '../../domain/scenario';
import { SCENARIOS } from '../streams';

/** One version of a scenario, as it stood when it was recorded. */
export interface ScenarioVersion extends ScenarioProfile {
  readonly version: number;
  readonly recordedAt: string;
  readonly reason?: string;
}

/** A scenario with its current version and every earlier one, so a plan can be run on any. */
export interface ScenarioSummary extends ProjectedDocument {
  readonly name: string;
  readonly description: string;
  readonly assumptions: Assumptions;
  readonly version: number;
  readonly status: 'active' | 'archived';
  readonly versions: readonly ScenarioVersion[];
  readonly updatedAt: string;
}

export const scenarioProjection: Projection<ScenarioSummary> = {
  name: 'planning.scenarios',
  collection: 'scenarios',
  filter: { categories: [SCENARIOS.name] },
  indexes: [{ fields: { name: 1 } }],
  documentIds: (event) => [SCENARIOS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as ScenarioEvent;
    const updatedAt = recorded.recordedAt;
    switch (event.type) {
      case 'ScenarioCreated': {
        const profile = event.data.profile;
        const first = { ...profile, version: 1, recordedAt: updatedAt };
        return { id, ...profile, version: 1, status: 'active', versions: [first], updatedAt };
      }
      case 'ScenarioRevised': {
        if (!current) return current;
        const { name, description, assumptions } = { ...current, ...event.data.changes };
        const { version, reason } = event.data;
        const revised = { name, description, assumptions, version, recordedAt: updatedAt, reason };
        return {
          ...current,
          name,
          description,
          assumptions,
          version,
          versions: [...current.versions, revised],
          updatedAt,
        };
      }
      case 'ScenarioArchived':
        return current && { ...current, status: 'archived', updatedAt };
    }
  },
};
