import {
  AccessDeniedError,
  CommandRejectedError,
  InvalidQueryError,
  NotFoundError,
  StaleRevisionError,
} from '@bildungsregion/application';
import { InvalidEventError, TamperedStreamError } from '@bildungsregion/event-store';
import { InvalidReadModelInputError, ReadModelsUnavailableError } from '@bildungsregion/read-models';
import { ErrorMapper, ProblemError } from './problems';
import { etagOf } from './revisions';

/** How the errors every service's application raises are answered; a service maps only errors of its own. */
export const applicationErrorToProblem: ErrorMapper = (error) => {
  if (error instanceof CommandRejectedError) {
    const { kind, code, message } = error.rejection;
    return kind === 'invalid-transition'
      ? new ProblemError(409, code, 'Not possible in the current state', message)
      : new ProblemError(422, code, 'Business rule violated', message);
  }
  if (error instanceof StaleRevisionError) {
    const title = `${error.noun.charAt(0).toUpperCase()}${error.noun.slice(1)} changed meanwhile`;
    return new ProblemError(
      409,
      'stale-revision',
      title,
      error.message,
      { currentRevision: error.actual },
      { ETag: etagOf(error.actual) },
    );
  }
  if (error instanceof NotFoundError) return new ProblemError(404, error.code, error.title, error.message);
  if (error instanceof AccessDeniedError) return new ProblemError(403, 'forbidden', 'Forbidden', error.message);
  if (
    error instanceof InvalidQueryError ||
    error instanceof InvalidReadModelInputError ||
    error instanceof InvalidEventError
  ) {
    return new ProblemError(400, 'invalid-request', 'Invalid request', error.message);
  }
  if (error instanceof TamperedStreamError) {
    return new ProblemError(409, error.code, 'Recorded history fails verification', error.message, {
      streamId: error.streamId,
      integrity: error.problem,
    });
  }
  if (error instanceof ReadModelsUnavailableError) {
    return new ProblemError(
      503,
      'read-models-unavailable',
      'Temporarily unavailable',
      'The read models cannot be reached at the moment; retry shortly. Commands are still accepted.',
      {},
      { 'Retry-After': '5' },
    );
  }
  return undefined;
};
