import { RecordedEvent } from './envelope';
import { ChainHead } from './hash-chain';

/** The bounds of an as-of read, as milliseconds and a revision; Infinity where unbounded. */
export interface AsOfBounds {
  readonly recordedBy: number;
  readonly effectiveBy: number;
  readonly revision: number;
}

/** A state right after a revision, with what an as-of read needs to know of the events up to it. */
export interface Snapshot<State> {
  readonly revision: number;
  readonly state: State;
  /** The chain head at the revision, so a read from the snapshot checks the event there is unchanged. */
  readonly head: ChainHead;
  /** The latest recorded and effective times of all events up to the revision. */
  readonly latestRecorded: number;
  readonly latestEffective: number;
  /** The earliest recorded and effective times since the snapshot before. */
  readonly earliestRecordedSince: number;
  readonly earliestEffectiveSince: number;
}

/**
 * Snapshots of one stream's state every `interval` revisions, taken as the stream is folded, so an
 * as-of read folds only from the last snapshot that every bound admits, and reads no further than the
 * last event any bound could admit. When a stream outgrows the number of snapshots kept, every other
 * one is dropped and the interval doubles, so memory stays bounded for very long streams.
 */
export class StateHistory<State> {
  private snapshots: Snapshot<State>[] = [];
  private interval: number;
  private readonly most: number;
  private latestRecorded = -Infinity;
  private latestEffective = -Infinity;
  private earliestRecordedSince = Infinity;
  private earliestEffectiveSince = Infinity;
  /** The last revision folded in. */
  private revision = -1;

  constructor(options: { readonly interval: number; readonly most: number }) {
    this.interval = options.interval;
    this.most = Math.max(options.most, 2);
  }

  /** The revisions after `revision` up to the next snapshot boundary: how far the next fold step may go. */
  stepFrom(revision: number): number {
    return this.interval - ((revision + 1) % this.interval);
  }

  /**
   * Takes note of events folded in, in order, and of the state after the last of them. Concurrent
   * loads may fold the same events from the same cached state; what was noted already is skipped.
   */
  record(events: readonly RecordedEvent[], stateAfter: State): void {
    const fresh = events.filter((event) => event.revision > this.revision);
    for (const event of fresh) {
      const recorded = Date.parse(event.recordedAt);
      const effective = Date.parse(event.metadata.effectiveAt);
      this.latestRecorded = Math.max(this.latestRecorded, recorded);
      this.latestEffective = Math.max(this.latestEffective, effective);
      this.earliestRecordedSince = Math.min(this.earliestRecordedSince, recorded);
      this.earliestEffectiveSince = Math.min(this.earliestEffectiveSince, effective);
      this.revision = event.revision;
    }
    const last = fresh[fresh.length - 1];
    if (!last || (last.revision + 1) % this.interval !== 0) return;
    this.snapshots.push({
      revision: last.revision,
      state: stateAfter,
      head: { length: last.revision + 1, headHash: last.metadata.hash },
      latestRecorded: this.latestRecorded,
      latestEffective: this.latestEffective,
      earliestRecordedSince: this.earliestRecordedSince,
      earliestEffectiveSince: this.earliestEffectiveSince,
    });
    this.earliestRecordedSince = Infinity;
    this.earliestEffectiveSince = Infinity;
    if (this.snapshots.length > this.most) this.thinOut();
  }

  /** The latest snapshot whose every event the bounds admit, if any. */
  startFor(bounds: AsOfBounds): Snapshot<State> | undefined {
    let start: Snapshot<State> | undefined;
    for (const snapshot of this.snapshots) {
      if (
        snapshot.revision > bounds.revision ||
        snapshot.latestRecorded > bounds.recordedBy ||
        snapshot.latestEffective > bounds.effectiveBy
      )
        break;
      start = snapshot;
    }
    return start;
  }

  /**
   * The last revision the bounds could admit, as far as folded: events after it were all recorded or
   * took effect later. Only the earliest times of a stretch are kept, so it may be later than needed.
   */
  lastCandidate(bounds: AsOfBounds): number {
    const admits = (earliestRecorded: number, earliestEffective: number) =>
      earliestRecorded <= bounds.recordedBy && earliestEffective <= bounds.effectiveBy;
    let last = admits(this.earliestRecordedSince, this.earliestEffectiveSince) ? this.revision : -1;
    for (let index = this.snapshots.length - 1; last < 0 && index >= 0; index--) {
      const snapshot = this.snapshots[index] as Snapshot<State>;
      if (admits(snapshot.earliestRecordedSince, snapshot.earliestEffectiveSince)) last = snapshot.revision;
    }
    return Math.min(last, bounds.revision);
  }

  private thinOut(): void {
    const kept: Snapshot<State>[] = [];
    for (let index = 0; index < this.snapshots.length; index += 2) {
      const dropped = this.snapshots[index] as Snapshot<State>;
      const next = this.snapshots[index + 1];
      if (!next) {
        this.earliestRecordedSince = Math.min(this.earliestRecordedSince, dropped.earliestRecordedSince);
        this.earliestEffectiveSince = Math.min(this.earliestEffectiveSince, dropped.earliestEffectiveSince);
        break;
      }
      kept.push({
        ...next,
        earliestRecordedSince: Math.min(dropped.earliestRecordedSince, next.earliestRecordedSince),
        earliestEffectiveSince: Math.min(dropped.earliestEffectiveSince, next.earliestEffectiveSince),
      });
    }
    this.snapshots = kept;
    this.interval *= 2;
  }
}
