import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { ReleaseEvent } from '../../domain/release.decider';
import { RELEASES } from '../streams';

export interface ReleaseSummary extends ProjectedDocument {
  readonly title: string;
  readonly periods: readonly string[];
  readonly indicatorKeys: readonly string[];
  readonly note: string | null;
  readonly publishedAt: string;
  readonly publishedBy: string;
}

/** The list of data releases. */
export const releaseProjection: Projection<ReleaseSummary> = {
  name: 'monitoring.releases',
  collection: 'releases',
  filter: { categories: [RELEASES.name] },
  indexes: [{ fields: { publishedAt: -1 } }],
  documentIds: (event) => [RELEASES.idOf(event.streamId)],
  evolve: (_current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as ReleaseEvent;
    return {
      id,
      title: event.data.title,
      periods: event.data.periods,
      indicatorKeys: event.data.indicatorKeys,
      note: event.data.note ?? null,
      publishedAt: recorded.recordedAt,
      publishedBy: recorded.metadata.actor.id,
    };
  },
};
