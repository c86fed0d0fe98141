import { InvalidEventError } from '@bildungsregion/event-store';
import { etagOf, ProblemError } from '@bildungsregion/http';
import { InvalidReadModelInputError } from '@bildungsregion/read-models';
import { AccessDeniedError } from '../application/access';
import { GoalCommandRejectedError, GoalNotFoundError, InvalidGoalQueryError, StaleRevisionError } from '../application/goals';

/** How the goals use cases' errors are answered over HTTP. */
export function goalErrorToProblem(error: unknown): ProblemError | undefined {
  if (error instanceof GoalCommandRejectedError) {
    const { kind, code, message } = error.rejection;
    return kind === 'invalid-transition'
      ? new ProblemError(409, code, 'Not possible in the current state', message)
      : new ProblemError(422, code, 'Business rule violated', message);
  }
  if (error instanceof StaleRevisionError) {
    return new ProblemError(409, 'stale-revision', 'Goal changed meanwhile', error.message, { currentRevision: error.actual }, error.actual === null ? {} : { ETag: etagOf(error.actual) });
  }
  if (error instanceof GoalNotFoundError) return new ProblemError(404, 'goal-not-found', 'Goal not found', error.message);
  if (error instanceof AccessDeniedError) return new ProblemError(403, 'forbidden', 'Forbidden', error.message);
  if (error instanceof InvalidGoalQueryError || error instanceof InvalidReadModelInputError || error instanceof InvalidEventError) {
    return new ProblemError(400, 'invalid-request', 'Invalid request', error.message);
  }
  return undefined;
}
