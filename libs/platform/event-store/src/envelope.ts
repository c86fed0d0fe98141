/** Who caused an event: a person or a system, with the role they acted in. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** Metadata the caller supplies with a new event. */
export interface NewEventMetadata {
  readonly actor: Actor;
  /** Free text; required by the domain for revisions, corrections and cancellations. */
  readonly reason?: string;
  /** The decision that authorises the change, e.g. "Kreisausschuss, Beschluss 2026/041". */
  readonly authority?: string;
  /** Business time (ISO 8601): when the change took effect. Defaults to the time it is recorded. */
  readonly effectiveAt?: string;
  /** Defaults to the event's own id, starting a new correlation. */
  readonly correlationId?: string;
  /** The id of the command or event that caused this one, possibly in another service. */
  readonly causationId?: string;
  /** Name of the service that recorded the event. */
  readonly source: string;
  /** Schema version of `data`; defaults to 1. */
  readonly schemaVersion?: number;
  /** W3C trace context of the work that recorded the event; defaults to the active one, if tracing is on. */
  readonly traceparent?: string;
}

export interface NewEvent<Data = unknown> {
  /** UUID; appending an event whose id is already stored is a no-op that returns the first result. */
  readonly id?: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: NewEventMetadata;
}

export interface EventMetadata {
  readonly actor: Actor;
  readonly reason?: string;
  readonly authority?: string;
  readonly effectiveAt: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly source: string;
  readonly schemaVersion: number;
  /** The trace the event was recorded in, so the relay, publishing later, continues it. */
  readonly traceparent?: string;
  /** Hash of the previous event of the same stream, or the genesis hash for revision 0. */
  readonly prevHash: string;
  /** SHA-256 over the canonical form of this event, `prevHash` included. */
  readonly hash: string;
}

/** An event as stored: immutable, positioned in its stream and globally, and sealed into its stream's hash chain. */
export interface RecordedEvent<Data = unknown> {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  /** 0-based position within the stream. */
  readonly revision: number;
  /** Position in the store's global order; strictly increasing in commit order. */
  readonly position: number;
  /** Set by the store when the event was appended (ISO 8601, UTC). */
  readonly recordedAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/**
 * The category of a stream is the part of its id before the first dash (`goal-42` → `goal`),
 * the same convention EventStoreDB uses for its category projections.
 */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
