import { BrokenLink, StreamChainVerifier } from './hash-chain';
import { EventFilter, EventStore } from './port';

export interface StreamVerification {
  readonly streamId: string;
  readonly valid: boolean;
  readonly eventsChecked: number;
  /** Hash of the last verified event: publish it to make later tampering provable. */
  readonly headHash: string;
  readonly firstBroken?: BrokenLink;
  /** The stream has no events at all: nothing to vouch for, so not valid. */
  readonly missing?: true;
}

export interface StoreVerification {
  readonly valid: boolean;
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** The first broken event of each broken stream, in global order. */
  readonly broken: readonly BrokenLink[];
}

const PAGE = 1_000;

/** Recomputes one stream's hash chain from its first event and names the first event that does not match. */
export async function verifyStream(store: EventStore, streamId: string): Promise<StreamVerification> {
  const verifier = new StreamChainVerifier(streamId);
  for (let from = 0; ; from += PAGE) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
    for (const event of page) {
      const firstBroken = verifier.check(event);
      if (firstBroken)
        return {
          streamId,
          valid: false,
          eventsChecked: verifier.eventsChecked,
          headHash: verifier.headHash,
          firstBroken,
        };
    }
    if (page.length < PAGE && verifier.eventsChecked === 0)
      return { streamId, valid: false, eventsChecked: 0, headHash: verifier.headHash, missing: true };
    if (page.length < PAGE)
      return { streamId, valid: true, eventsChecked: verifier.eventsChecked, headHash: verifier.headHash };
  }
}

/** Verifies every stream (optionally of some categories) in one pass over the global order. */
export async function verifyAllStreams(store: EventStore, filter?: EventFilter): Promise<StoreVerification> {
  const verifiers = new Map<string, StreamChainVerifier>();
  const broken = new Map<string, BrokenLink>();
  let eventsChecked = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: PAGE, filter });
    for (const event of page) {
      after = event.position;
      if (broken.has(event.streamId)) continue;
      let verifier = verifiers.get(event.streamId);
      if (!verifier) {
        verifier = new StreamChainVerifier(event.streamId);
        verifiers.set(event.streamId, verifier);
      }
      eventsChecked += 1;
      const link = verifier.check(event);
      if (link) broken.set(event.streamId, link);
    }
    if (page.length < PAGE) break;
  }
  return { valid: broken.size === 0, streamsChecked: verifiers.size, eventsChecked, broken: [...broken.values()] };
}
