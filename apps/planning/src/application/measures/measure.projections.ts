import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { PlanningStage } from '../../domain/capacity';
import { GapEvent } from '../../domain/gap';
import { MeasureApproval, MeasureEvent, MeasureOrigin, MeasureStatus, MeasureTerms } from '../../domain/measure';
import { GAPS, MEASURES } from '../streams';

/** A measure as the list and its page show it. */
export interface MeasureSummary extends ProjectedDocument, MeasureTerms {
  readonly status: MeasureStatus;
  readonly origin?: MeasureOrigin;
  readonly approval?: MeasureApproval;
  readonly implementedOn?: string;
  readonly droppedReason?: string;
  readonly plannedAt: string;
  readonly updatedAt: string;
  /** The stream revision, the ETag for revisions. */
  readonly revision: number;
}

export const measureProjection: Projection<MeasureSummary> = {
  name: 'planning.measures',
  collection: 'measures',
  filter: { categories: [MEASURES.name] },
  indexes: [{ fields: { regionKey: 1, status: 1 } }, { fields: { goalIds: 1 } }],
  documentIds: (event) => [MEASURES.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as MeasureEvent;
    const stamp = { revision: recorded.revision, updatedAt: recorded.recordedAt };
    switch (event.type) {
      case 'MeasurePlanned': {
        const { terms, origin } = event.data;
        return {
          id,
          ...terms,
          status: 'planned',
          ...(origin ? { origin } : {}),
          plannedAt: recorded.recordedAt,
          ...stamp,
        };
      }
      case 'MeasureRevised': {
        if (!current) return current;
        const { effect, cost, ...kept } = current;
        return { ...kept, ...event.data.terms, ...stamp };
      }
      case 'MeasureApproved':
        return current && { ...current, status: 'approved', approval: event.data, ...stamp };
      case 'MeasureImplemented':
        return current && { ...current, status: 'implemented', implementedOn: event.data.implementedOn, ...stamp };
      case 'MeasureDropped':
        return current && { ...current, status: 'dropped', droppedReason: event.data.reason, ...stamp };
    }
  },
};

/** A municipality's gap of one stage and plan year: open, or closed since when. */
export interface GapSummary extends ProjectedDocument {
  readonly regionKey: string;
  readonly stage: PlanningStage;
  readonly year: number;
  readonly status: 'open' | 'closed';
  readonly demand: number;
  readonly supply: number;
  readonly balance: number;
  readonly missingGroups: number;
  readonly measureIds: readonly string[];
  readonly identifiedAt: string;
  readonly closedAt?: string;
}

export const gapProjection: Projection<GapSummary> = {
  name: 'planning.gaps',
  collection: 'gaps',
  filter: { categories: [GAPS.name] },
  indexes: [{ fields: { status: 1, regionKey: 1, stage: 1, year: 1 } }],
  documentIds: (event) => [GAPS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as GapEvent;
    const { scenarioVersion, ...figures } = event.data;
    if (event.type === 'GapIdentified') return { id, ...figures, status: 'open', identifiedAt: recorded.recordedAt };
    return current && { ...current, ...figures, status: 'closed', closedAt: recorded.recordedAt };
  },
};
