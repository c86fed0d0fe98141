import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { EventMetadata, NewEvent, RecordedEvent } from './envelope';
import { DuplicateEventIdError, InvalidEventError, WrongExpectedRevisionError } from './errors';
import { GENESIS_HASH, hashEvent } from './hash-chain';
import { AppendResult, ExpectedRevision } from './port';
import { isTraceparent } from '@bildungsregion/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_LENGTH = 200;

export type UnpositionedEvent = Omit<RecordedEvent, 'position'>;

/** An event checked and normalised for storage, not yet placed in a stream. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: Omit<EventMetadata, 'prevHash' | 'hash'>;
}

/** Synchronous views of the store an append is planned against; read inside the write transaction. */
export interface AppendLookup {
  findById(eventId: string): RecordedEvent | undefined;
  /** The stream's last event; only its revision and hash are needed. */
  lastEvent(streamId: string): StreamHead | undefined;
}

export type StreamHead = Pick<RecordedEvent, 'revision' | 'metadata'>;

export type AppendPlan =
  | { readonly kind: 'already-appended'; readonly result: AppendResult }
  | { readonly kind: 'append'; readonly events: readonly UnpositionedEvent[] };

export function assertStreamId(streamId: string): void {
  if (
    typeof streamId !== 'string' ||
    streamId.trim() === '' ||
    streamId.length > MAX_NAME_LENGTH ||
    streamId.startsWith('$')
  ) {
    throw new InvalidEventError(
      `Stream id ${JSON.stringify(streamId)} is invalid: use a non-empty name of at most ${MAX_NAME_LENGTH} characters that does not start with "$".`,
    );
  }
}

function toIsoInstant(value: string, what: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) {
    throw new InvalidEventError(`${what} ${JSON.stringify(value)} is not an ISO 8601 date or timestamp.`);
  }
  return new Date(time).toISOString();
}

/** Validates new events and fills the defaults (id, correlation id, effective time, schema version). */
export function prepareEvents(streamId: string, events: readonly NewEvent[], recordedAt: string): PreparedEvent[] {
  assertStreamId(streamId);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventError(`Nothing to append to ${streamId}: pass at least one event.`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `Event ${index} for ${streamId}`;
    const id = event.id ?? randomUUID();
    if (!UUID.test(id)) throw new InvalidEventError(`${where} has id ${JSON.stringify(id)}, which is not a UUID.`);
    if (seen.has(id)) throw new InvalidEventError(`${where} repeats id ${id} within the same append.`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.trim() === '' || event.type.length > MAX_NAME_LENGTH) {
      throw new InvalidEventError(`${where} needs a type: a non-empty name of at most ${MAX_NAME_LENGTH} characters.`);
    }
    const { metadata } = event;
    if (!metadata || typeof metadata.actor?.id !== 'string' || typeof metadata.actor?.role !== 'string') {
      throw new InvalidEventError(`${where} (${event.type}) needs metadata.actor with an id and a role.`);
    }
    if (typeof metadata.source !== 'string' || metadata.source === '') {
      throw new InvalidEventError(`${where} (${event.type}) needs metadata.source, the name of the recording service.`);
    }
    const schemaVersion = metadata.schemaVersion ?? 1;
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new InvalidEventError(
        `${where} (${event.type}) has schemaVersion ${schemaVersion}; use a positive integer.`,
      );
    }
    if (metadata.traceparent !== undefined && !isTraceparent(metadata.traceparent)) {
      throw new InvalidEventError(
        `${where} (${event.type}) has traceparent ${JSON.stringify(metadata.traceparent)}, which is not a W3C traceparent.`,
      );
    }
    if (typeof event.data !== 'object' || event.data === null || Array.isArray(event.data)) {
      throw new InvalidEventError(`${where} (${event.type}) needs data that is a JSON object.`);
    }
    let data: unknown;
    try {
      data = JSON.parse(JSON.stringify(event.data));
    } catch (error) {
      throw new InvalidEventError(`${where} (${event.type}) has data that is not JSON: ${(error as Error).message}`);
    }
    return {
      id,
      type: event.type,
      data,
      metadata: withoutUndefined({
        actor: { id: metadata.actor.id, role: metadata.actor.role },
        reason: metadata.reason,
        authority: metadata.authority,
        effectiveAt:
          metadata.effectiveAt === undefined ? recordedAt : toIsoInstant(metadata.effectiveAt, `${where}: effectiveAt`),
        correlationId: metadata.correlationId ?? id,
        causationId: metadata.causationId,
        source: metadata.source,
        schemaVersion,
        traceparent: metadata.traceparent,
      }),
    };
  });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const ok = expected === 'any' || (expected === 'no-stream' ? actual === null : expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

export function assertExpectedRevision(expected: ExpectedRevision): void {
  if (expected === 'any' || expected === 'no-stream' || (Number.isInteger(expected) && (expected as number) >= 0))
    return;
  throw new InvalidEventError(
    `Expected revision ${JSON.stringify(expected)} is invalid: use 'any', 'no-stream' or a revision (integer ≥ 0).`,
  );
}

/** Places prepared events after `last` in the stream and seals each into the hash chain. */
export function sealEvents(
  streamId: string,
  prepared: readonly PreparedEvent[],
  last: StreamHead | undefined,
  recordedAt: string,
): UnpositionedEvent[] {
  let revision = last ? last.revision : -1;
  let prevHash = last ? last.metadata.hash : GENESIS_HASH;
  return prepared.map((event) => {
    revision += 1;
    const unsealed = { ...event, streamId, revision, recordedAt, metadata: { ...event.metadata, prevHash } };
    const hash = hashEvent(unsealed);
    prevHash = hash;
    return { ...unsealed, metadata: { ...unsealed.metadata, hash } };
  });
}

/**
 * Whether the events were appended before (same ids in the same stream with the same content), so a
 * retried append returns the first result instead of writing twice.
 */
export function findEarlierAppend(
  streamId: string,
  prepared: readonly PreparedEvent[],
  lookup: Pick<AppendLookup, 'findById'>,
): AppendResult | undefined {
  const stored = prepared.map((event) => lookup.findById(event.id));
  if (stored.every((event) => event === undefined)) return undefined;
  prepared.forEach((event, index) => {
    const earlier = stored[index];
    if (earlier === undefined) {
      throw new DuplicateEventIdError(
        stored.find((known) => known !== undefined)?.id ?? event.id,
        'while other events of this append are not: resend exactly the events of the first attempt',
      );
    }
    if (earlier.streamId !== streamId) throw new DuplicateEventIdError(event.id, `in stream ${earlier.streamId}`);
    if (earlier.type !== event.type || canonicalize(earlier.data) !== canonicalize(event.data)) {
      throw new DuplicateEventIdError(event.id, `in ${streamId} with a different type or data`);
    }
    if (index > 0 && earlier.revision !== (stored[index - 1] as RecordedEvent).revision + 1) {
      throw new DuplicateEventIdError(
        event.id,
        `in ${streamId}, but not right after the event before it in this append`,
      );
    }
  });
  const events = stored as RecordedEvent[];
  const lastEvent = events[events.length - 1] as RecordedEvent;
  return { streamId, revision: lastEvent.revision, position: lastEvent.position, events };
}

export function planAppend(
  streamId: string,
  newEvents: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  lookup: AppendLookup,
  recordedAt: string,
): AppendPlan {
  assertExpectedRevision(expectedRevision);
  const prepared = prepareEvents(streamId, newEvents, recordedAt);
  const earlier = findEarlierAppend(streamId, prepared, lookup);
  if (earlier) return { kind: 'already-appended', result: earlier };
  const last = lookup.lastEvent(streamId);
  checkExpectedRevision(streamId, expectedRevision, last ? last.revision : null);
  return { kind: 'append', events: sealEvents(streamId, prepared, last, recordedAt) };
}
