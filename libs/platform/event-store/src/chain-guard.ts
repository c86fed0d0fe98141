import { RecordedEvent } from './envelope';
import { EventStoreError } from './errors';
import { BrokenLink, ChainHead, GENESIS_HASH, StreamChainVerifier } from './hash-chain';
import { EventStore } from './port';

/** What is wrong with a stream whose recorded history no longer matches what was verified or sealed. */
export type IntegrityProblem =
  | { readonly reason: 'chain-broken'; readonly link: BrokenLink }
  | { readonly reason: 'truncated'; readonly expectedLength: number; readonly length: number }
  | {
      readonly reason: 'rewritten';
      readonly revision: number;
      readonly expectedHash: string;
      readonly storedHash: string;
    };

export type StreamIntegrity =
  { readonly intact: true } | { readonly intact: false; readonly problem: IntegrityProblem };

/** A command on a stream whose history fails verification: nothing is recorded until the store is restored. */
export class TamperedStreamError extends EventStoreError {
  readonly code = 'tampered-stream';
  constructor(
    readonly streamId: string,
    readonly problem: IntegrityProblem,
  ) {
    super(
      `The recorded history of ${streamId} fails verification (${describeProblem(problem)}); it takes no commands until the store is restored.`,
    );
  }
}

export function describeProblem(problem: IntegrityProblem): string {
  switch (problem.reason) {
    case 'chain-broken':
      return `revision ${problem.link.revision}: ${problem.link.problem.reason}`;
    case 'truncated':
      return `${problem.length} events where ${problem.expectedLength} were verified or sealed`;
    case 'rewritten':
      return `revision ${problem.revision} is not the event that was verified or sealed`;
  }
}

const INTACT: StreamIntegrity = { intact: true };

/**
 * Keeps, per stream, the head this process has verified, so reading a stream again re-hashes only
 * the events after it and checks that the verified head is still there, unchanged. A stream read
 * from its start is verified from genesis and against its sealed head, if a seal names it. Streams
 * found broken stay broken for the life of the process.
 */
export class ChainGuard {
  private readonly verified = new Map<string, ChainHead>();
  private readonly broken = new Map<string, IntegrityProblem>();
  private sealed: Readonly<Record<string, ChainHead>> = {};

  /** The heads of the latest seal: a stream read from its start must still reach them. */
  trustSeal(streams: Readonly<Record<string, ChainHead>>): void {
    this.sealed = streams;
  }

  /** Marks a stream broken from outside, e.g. when a check of the whole store against a seal finds it so. */
  markBroken(streamId: string, problem: IntegrityProblem): void {
    if (!this.broken.has(streamId)) this.broken.set(streamId, problem);
  }

  brokenStreams(): ReadonlyMap<string, IntegrityProblem> {
    return this.broken;
  }

  /**
   * The head this process has verified, from which an incremental read starts (at its own revision).
   * Keep it for the `check` of that read: concurrent readers may verify further meanwhile.
   */
  verifiedHead(streamId: string): ChainHead | undefined {
    const head = this.verified.get(streamId);
    return head && head.length > 0 ? head : undefined;
  }

  /**
   * Checks events read to the stream's end (`complete`) or to some revision: from genesis when `from`
   * is undefined, else from that verified head, whose event must come first and be unchanged.
   */
  check(
    streamId: string,
    from: ChainHead | undefined,
    events: readonly RecordedEvent[],
    complete = true,
  ): StreamIntegrity {
    const known = this.broken.get(streamId);
    if (known) return { intact: false, problem: known };
    const problem = this.problemIn(streamId, from, events, complete);
    if (!problem) return INTACT;
    this.broken.set(streamId, problem);
    this.verified.delete(streamId);
    return { intact: false, problem };
  }

  private problemIn(
    streamId: string,
    from: ChainHead | undefined,
    events: readonly RecordedEvent[],
    complete: boolean,
  ): IntegrityProblem | undefined {
    let start: ChainHead = { length: 0, headHash: GENESIS_HASH };
    let rest = events;
    if (from) {
      const [first] = events;
      const revision = from.length - 1;
      if (!first) return { reason: 'truncated', expectedLength: from.length, length: revision };
      if (first.metadata.hash !== from.headHash)
        return { reason: 'rewritten', revision, expectedHash: from.headHash, storedHash: first.metadata.hash };
      start = from;
      rest = events.slice(1);
    }
    const verifier = new StreamChainVerifier(streamId, start);
    const sealed = from ? undefined : this.sealed[streamId];
    for (const event of rest) {
      const link = verifier.check(event);
      if (link) return { reason: 'chain-broken', link };
      if (sealed && event.revision === sealed.length - 1 && event.metadata.hash !== sealed.headHash)
        return {
          reason: 'rewritten',
          revision: event.revision,
          expectedHash: sealed.headHash,
          storedHash: event.metadata.hash,
        };
    }
    if (!complete) return undefined;
    if (sealed && verifier.eventsChecked < sealed.length)
      return { reason: 'truncated', expectedLength: sealed.length, length: verifier.eventsChecked };
    const known = this.verified.get(streamId)?.length ?? 0;
    if (verifier.eventsChecked > known)
      this.verified.set(streamId, { length: verifier.eventsChecked, headHash: verifier.headHash });
    return undefined;
  }
}

const guards = new WeakMap<EventStore, ChainGuard>();

/** The one guard of a store instance, shared by every command handler and reader of it in the process. */
export function chainGuardOf(store: EventStore): ChainGuard {
  let guard = guards.get(store);
  if (!guard) {
    guard = new ChainGuard();
    guards.set(store, guard);
  }
  return guard;
}
