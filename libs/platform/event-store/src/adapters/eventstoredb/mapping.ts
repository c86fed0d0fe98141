import {
  ANY,
  AppendExpectedRevision,
  CurrentRevision,
  jsonEvent,
  JSONEventData,
  NO_STREAM,
  ReadPosition,
  START,
} from '@eventstore/db-client';
import { UnpositionedEvent } from '../../append-plan';
import { EventMetadata, RecordedEvent } from '../../envelope';
import { ExpectedRevision } from '../../port';

/**
 * What we store as EventStoreDB event metadata: our metadata, the time we recorded the event (it is
 * part of the hash, so the server's own `created` cannot stand in for it), and the `$correlationId` /
 * `$causationId` keys that EventStoreDB's own projections understand.
 */
export interface StoredMetadata extends EventMetadata {
  readonly recordedAt: string;
  readonly $correlationId: string;
  readonly $causationId?: string;
}

/** The shape of an event as the client reads it, reduced to what the mapping needs. */
export interface EsdbRecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly type: string;
  readonly revision: bigint;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint };
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no-stream') return NO_STREAM;
  return BigInt(expected);
}

export function fromEsdbCurrentRevision(actual: CurrentRevision | undefined): number | null {
  return typeof actual === 'bigint' ? Number(actual) : null;
}

/** EventStoreDB reads `$all` inclusively from a position; our checkpoints are exclusive, so the caller skips `after` itself. */
export function toEsdbReadPosition(after: number): ReadPosition {
  return after === 0 ? START : { commit: BigInt(after), prepare: BigInt(after) };
}

export function toEsdbEvent(event: UnpositionedEvent): JSONEventData {
  const metadata: StoredMetadata = {
    ...event.metadata,
    recordedAt: event.recordedAt,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId === undefined ? {} : { $causationId: event.metadata.causationId }),
  };
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: metadata as unknown as Record<string, unknown>,
  });
}

/** Maps an event read from EventStoreDB back to our envelope; undefined for events this store did not write. */
export function fromEsdbEvent(event: EsdbRecordedEvent): RecordedEvent | undefined {
  if (!event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$')) return undefined;
  const stored = event.metadata as Partial<StoredMetadata> | undefined;
  if (!stored || typeof stored.hash !== 'string' || typeof stored.recordedAt !== 'string') return undefined;
  const { recordedAt, $correlationId: _correlation, $causationId: _causation, ...metadata } = stored as StoredMetadata;
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position ? Number(event.position.commit) : -1,
    recordedAt,
    data: event.data,
    metadata,
  };
}
