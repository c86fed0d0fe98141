import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { ImportReport } from './import-report';
import { IMPORTS } from '../streams';

/** One row of the import list: what a file brought, without its rejected rows. */
export type ImportSummary = ProjectedDocument & Omit<ImportReport, 'importId' | 'rejectionsByReason'>;

/** The list of earlier imports. */
export const importProjection: Projection<ImportSummary> = {
  name: 'monitoring.imports',
  collection: 'imports',
  filter: { categories: [IMPORTS.name] },
  indexes: [{ fields: { importedAt: -1 } }],
  documentIds: (event) => [IMPORTS.idOf(event.streamId)],
  evolve: (_current, recorded, id) => {
    const { fileName, sha256, rows, recorded: recordedRows, unchanged, rejected } = recorded.data as ImportReport;
    return {
      id,
      fileName,
      sha256,
      rows,
      recorded: recordedRows,
      unchanged,
      rejected,
      importedAt: recorded.recordedAt,
      importedBy: recorded.metadata.actor.id,
    };
  },
};
