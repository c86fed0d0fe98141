import { InvalidEventError } from '@bildungsregion/event-store';
import { etagOf, ProblemError } from '@bildungsregion/http';
import { InvalidReadModelInputError } from '@bildungsregion/read-models';
import { InvalidImportFileError } from '../application/csv-import';
import { InvalidMonitoringQueryError, MonitoringCommandRejectedError, NotFoundError, StaleRevisionError } from '../application/monitoring';

/** How the monitoring use cases' errors are answered over HTTP. */
export function monitoringErrorToProblem(error: unknown): ProblemError | undefined {
  if (error instanceof MonitoringCommandRejectedError) {
    const { kind, code, message } = error.rejection;
    return kind === 'invalid-transition'
      ? new ProblemError(409, code, 'Not possible in the current state', message)
      : new ProblemError(422, code, 'Business rule violated', message);
  }
  if (error instanceof StaleRevisionError) {
    return new ProblemError(409, 'stale-revision', 'Indicator changed meanwhile', error.message, { currentRevision: error.actual }, error.actual === null ? {} : { ETag: etagOf(error.actual) });
  }
  if (error instanceof NotFoundError) return new ProblemError(404, 'not-found', 'Not found', error.message);
  if (error instanceof InvalidImportFileError) return new ProblemError(422, 'invalid-import-file', 'The file cannot be imported', error.message);
  if (error instanceof InvalidMonitoringQueryError || error instanceof InvalidReadModelInputError || error instanceof InvalidEventError) {
    return new ProblemError(400, 'invalid-request', 'Invalid request', error.message);
  }
  return undefined;
}
