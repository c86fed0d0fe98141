import { ProjectedDocument, Projection } from '@bildungsregion/read-models';

export interface RegionValues extends ProjectedDocument {
  /** Every applied value in the order applied; a duplicate or a gap shows up here. */
  readonly values: readonly number[];
}

export const measurementsPerRegion: Projection<RegionValues> = {
  name: 'crash-test.region-values',
  collection: 'region_values',
  filter: { categories: ['region'] },
  documentIds: (event) => [event.streamId],
  evolve: (current, event) => ({
    id: event.streamId,
    values: [...(current?.values ?? []), (event.data as { value: number }).value],
  }),
};
