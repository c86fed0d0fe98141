import { ExpectedRevision } from './port';

/** Base class of every error the event store raises on purpose. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Another writer appended first; reload the stream and decide again. */
export class WrongExpectedRevisionError extends EventStoreError {
  readonly code = 'wrong-expected-revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamId} is at revision ${actual ?? 'none (no stream)'}, but the append expected ${
        typeof expected === 'number' ? `revision ${expected}` : expected
      }.`,
    );
  }
}

/** An event id is already stored with different content: a retried append must resend the same events. */
export class DuplicateEventIdError extends EventStoreError {
  readonly code = 'duplicate-event-id';
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super(`Event id ${eventId} is already recorded ${detail}.`);
  }
}

/** The events handed to `append` are malformed; nothing was written. */
export class InvalidEventError extends EventStoreError {
  readonly code = 'invalid-event';
}

/** A stored event could not be decoded; the store file was altered outside the store. */
export class CorruptEventError extends EventStoreError {
  readonly code = 'corrupt-event';
  constructor(
    readonly position: number,
    cause: unknown,
  ) {
    super(
      `The stored event at position ${position} cannot be decoded: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
