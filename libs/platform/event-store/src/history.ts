import { RecordedEvent } from './envelope';
import { EventStore } from './port';

/** One stored event as an auditor reads it: what happened, who, when, on what grounds, and its hash link. */
export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly reason?: string;
  readonly authority?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
}

export function toHistoryEntry(event: RecordedEvent): HistoryEntry {
  const { metadata } = event;
  return {
    revision: event.revision,
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    effectiveAt: metadata.effectiveAt,
    actor: metadata.actor,
    ...(metadata.reason !== undefined ? { reason: metadata.reason } : {}),
    ...(metadata.authority !== undefined ? { authority: metadata.authority } : {}),
    correlationId: metadata.correlationId,
    ...(metadata.causationId !== undefined ? { causationId: metadata.causationId } : {}),
    schemaVersion: metadata.schemaVersion,
    data: event.data,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
  };
}

/** A page of a stream's history, from revision `offset`; null when the stream does not exist. */
export async function readHistoryPage(
  store: EventStore,
  streamId: string,
  page: { offset: number; limit: number },
): Promise<Page<HistoryEntry> | null> {
  const last = await store.lastRevision(streamId);
  if (last === null) return null;
  const events =
    page.offset > last ? [] : await store.readStream(streamId, { fromRevision: page.offset, maxCount: page.limit });
  return { items: events.map(toHistoryEntry), total: last + 1, offset: page.offset, limit: page.limit };
}
