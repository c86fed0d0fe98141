import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { CapacityChange } from '../../domain/capacity';
import { InstitutionEvent, InstitutionType, Occupancy } from '../../domain/institution';
import { OfferingEvent, OfferingProfile } from '../../domain/offering';
import { INSTITUTIONS, OFFERINGS } from '../streams';

/** An institution with its whole capacity history: the plan counts what is in effect on a day. */
export interface InstitutionSummary extends ProjectedDocument {
  readonly name: string;
  readonly type: InstitutionType;
  readonly regionKey: string;
  readonly locality?: string;
  readonly operatorId: string;
  readonly status: 'open' | 'closed';
  readonly closedFrom?: string;
  readonly capacity: readonly CapacityChange[];
  readonly occupancy: readonly Occupancy[];
  /** The stream revision the summary reflects; a plan run records it. */
  readonly revision: number;
  readonly updatedAt: string;
}

export const institutionProjection: Projection<InstitutionSummary> = {
  name: 'planning.institutions',
  collection: 'institutions',
  filter: { categories: [INSTITUTIONS.name] },
  indexes: [{ fields: { regionKey: 1, name: 1 } }, { fields: { operatorId: 1 } }],
  documentIds: (event) => [INSTITUTIONS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as InstitutionEvent;
    const stamp = { revision: recorded.revision, updatedAt: recorded.recordedAt };
    switch (event.type) {
      case 'InstitutionRegistered':
        return { id, ...event.data.profile, status: 'open', capacity: [], occupancy: [], ...stamp };
      case 'InstitutionCapacityChanged': {
        const { reason, ...change } = event.data;
        return current && { ...current, capacity: [...current.capacity, change], ...stamp };
      }
      case 'InstitutionOccupancyReported': {
        const others = current?.occupancy.filter((entry) => entry.referenceDate !== event.data.referenceDate) ?? [];
        return current && { ...current, occupancy: [...others, event.data], ...stamp };
      }
      case 'InstitutionClosed':
        return current && { ...current, status: 'closed', closedFrom: event.data.closedFrom, ...stamp };
    }
  },
};

export interface OfferingSummary extends ProjectedDocument, OfferingProfile {
  readonly status: 'running' | 'ended';
  readonly updatedAt: string;
}

export const offeringProjection: Projection<OfferingSummary> = {
  name: 'planning.offerings',
  collection: 'offerings',
  filter: { categories: [OFFERINGS.name] },
  indexes: [{ fields: { regionKey: 1, title: 1 } }, { fields: { providerId: 1 } }],
  documentIds: (event) => [OFFERINGS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as OfferingEvent;
    const updatedAt = recorded.recordedAt;
    switch (event.type) {
      case 'OfferingRegistered':
        return { id, ...event.data.profile, status: 'running', updatedAt };
      case 'OfferingChanged':
        return current && { ...current, ...event.data.changes, updatedAt };
      case 'OfferingEnded':
        return current && { ...current, status: 'ended', updatedAt };
    }
  },
};
