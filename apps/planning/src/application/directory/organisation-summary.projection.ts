import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { Address, OrganisationEvent, OrganisationType } from '../../domain/organisation';
import { ORGANISATIONS } from '../streams';

/** One organisation of the directory. */
export interface OrganisationSummary extends ProjectedDocument {
  readonly name: string;
  readonly type: OrganisationType;
  readonly regionKey: string;
  readonly address?: Address;
  readonly status: 'active' | 'retired';
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export const organisationSummaryProjection: Projection<OrganisationSummary> = {
  name: 'planning.organisation-summaries',
  collection: 'organisation_summaries',
  filter: { categories: [ORGANISATIONS.name] },
  indexes: [{ fields: { name: 1 } }, { fields: { type: 1 } }, { fields: { regionKey: 1 } }],
  documentIds: (event) => [ORGANISATIONS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as OrganisationEvent;
    const updatedAt = recorded.recordedAt;
    switch (event.type) {
      case 'OrganisationRegistered':
        return { id, ...event.data.profile, status: 'active', registeredAt: updatedAt, updatedAt };
      case 'OrganisationRenamed':
        return current && { ...current, name: event.data.name, updatedAt };
      case 'OrganisationDetailsChanged':
        return current && { ...current, ...event.data.changes, updatedAt };
      case 'OrganisationRetired':
        return current && { ...current, status: 'retired', updatedAt };
    }
  },
};
