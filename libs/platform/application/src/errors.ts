import { Rejection } from '@bildungsregion/decider';

/** The decider refused the command; `kind` says whether it conflicts with the state (409) or breaks a rule (422). */
export class CommandRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

/** The caller's `If-Match` named a revision that is no longer the latest of the aggregate. */
export class StaleRevisionError extends Error {
  constructor(
    readonly noun: string,
    readonly expected: number | 'no-stream',
    readonly actual: number,
  ) {
    super(
      `The ${noun} has changed since revision ${expected} (it is now at revision ${actual}); reload it and decide again.`,
    );
  }
}

/** What the request names does not exist; `code` is the stable problem code (e.g. `goal-not-found`). */
export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly code = 'not-found',
    readonly title = 'Not found',
  ) {
    super(message);
  }
}

/** The caller may not do this to this aggregate (beyond what its role allows on the route). */
export class AccessDeniedError extends Error {}

/** A query that is well-formed but asks for something that cannot be answered. */
export class InvalidQueryError extends Error {}
