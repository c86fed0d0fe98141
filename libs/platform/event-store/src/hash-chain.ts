import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { RecordedEvent } from './envelope';

/** The `prevHash` of every stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

type Unsealed = Omit<RecordedEvent, 'position' | 'metadata'> & {
  readonly metadata: Omit<RecordedEvent['metadata'], 'hash'>;
};

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event without its global position (which the
 * store assigns at commit) and without the hash itself. `prevHash` is inside the metadata, so every
 * hash covers the whole history of its stream.
 */
export function hashEvent(event: Unsealed): string {
  const { id, type, streamId, revision, recordedAt, data, metadata } = event;
  const { hash: _ignored, ...metadataWithoutHash } = metadata as RecordedEvent['metadata'];
  const canonical = canonicalize({ id, type, streamId, revision, recordedAt, data, metadata: metadataWithoutHash });
  if (canonical === undefined) {
    throw new Error(`Event ${id} has no canonical JSON form.`);
  }
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export type ChainBreak =
  | { readonly reason: 'hash-mismatch'; readonly expectedHash: string; readonly storedHash: string }
  | { readonly reason: 'prev-hash-mismatch'; readonly expectedPrevHash: string; readonly storedPrevHash: string }
  | { readonly reason: 'revision-gap'; readonly expectedRevision: number };

export interface BrokenLink {
  readonly streamId: string;
  readonly eventId: string;
  readonly revision: number;
  readonly position: number;
  readonly problem: ChainBreak;
}

/** A stream's verified end: how many events it has and the hash of the last one. */
export interface ChainHead {
  readonly length: number;
  readonly headHash: string;
}

/** Incremental verifier for one stream: feed its events in revision order, from the start or from a verified head. */
export class StreamChainVerifier {
  private expectedRevision: number;
  private lastHash: string;

  constructor(
    readonly streamId: string,
    from: ChainHead = { length: 0, headHash: GENESIS_HASH },
  ) {
    this.expectedRevision = from.length;
    this.lastHash = from.headHash;
  }

  get eventsChecked(): number {
    return this.expectedRevision;
  }

  get headHash(): string {
    return this.lastHash;
  }

  /** Returns the break this event shows, or undefined if it links correctly. */
  check(event: RecordedEvent): BrokenLink | undefined {
    const broken = (problem: ChainBreak): BrokenLink => ({
      streamId: this.streamId,
      eventId: event.id,
      revision: event.revision,
      position: event.position,
      problem,
    });
    if (event.revision !== this.expectedRevision) {
      return broken({ reason: 'revision-gap', expectedRevision: this.expectedRevision });
    }
    if (event.metadata.prevHash !== this.lastHash) {
      return broken({
        reason: 'prev-hash-mismatch',
        expectedPrevHash: this.lastHash,
        storedPrevHash: event.metadata.prevHash,
      });
    }
    const expectedHash = hashEvent(event);
    if (expectedHash !== event.metadata.hash) {
      return broken({ reason: 'hash-mismatch', expectedHash, storedHash: event.metadata.hash });
    }
    this.expectedRevision += 1;
    this.lastHash = event.metadata.hash;
    return undefined;
  }
}
