import { Decider, DomainEvent, fold, Rejection } from '@bildungsregion/decider';
import { ChainGuard, chainGuardOf, StreamIntegrity, TamperedStreamError } from './chain-guard';
import { categoryOf, NewEventMetadata, RecordedEvent } from './envelope';
import { InvalidEventError, WrongExpectedRevisionError } from './errors';
import { EventStore } from './port';
import { AsOfBounds, StateHistory } from './state-history';
import { inSpan, traceparentOf } from './trace-context';
import { Upcasters } from './upcasting';

/**
 * Who issues a command, on what authority and why; copied into the metadata of every event it causes.
 * `expectedRevision` is the stream revision the caller based its command on (an HTTP `If-Match`):
 * when given, a stale revision is a conflict; when absent, the handler reloads and decides again.
 */
export type CommandContext = Omit<NewEventMetadata, 'source' | 'schemaVersion'> & {
  readonly expectedRevision?: number | 'no-stream';
};

export type CommandResult =
  | { readonly outcome: 'accepted'; readonly revision: number | null; readonly events: readonly RecordedEvent[] }
  | { readonly outcome: 'rejected'; readonly revision: number | null; readonly rejection: Rejection }
  | {
      readonly outcome: 'conflict';
      readonly expectedRevision: number | 'no-stream';
      readonly actualRevision: number | null;
    };

/** A point in time for bitemporal reads; either bound may be left out. */
export interface AsOf {
  /** Only what had been recorded by then: what the system knew at that time. */
  readonly recordedAsOf?: string | Date;
  /** Only what had taken effect by then, as far as it is known now (or by `recordedAsOf`). */
  readonly effectiveAsOf?: string | Date;
  /** Only events up to this stream revision: the state as it was right after that change. */
  readonly revision?: number;
}

export interface LoadedState<State> {
  readonly state: State;
  /** Revision of the last event folded in; null when none was. */
  readonly revision: number | null;
  /** Whether the stream's hash chain still holds; a broken one is still read, but takes no commands. */
  readonly integrity: StreamIntegrity;
}

export interface CommandHandlerOptions {
  /** The service that records the events (metadata `source`). */
  readonly source: string;
  readonly upcasters?: Upcasters;
  /** How often to decide again when another writer got in between. Default 3. */
  readonly maxAttempts?: number;
  /**
   * How many streams' latest state to keep in memory (least recently used go first). A cached
   * stream is brought up to date by reading only the events after the cached revision, so commands
   * on long streams do not re-read and re-fold the whole history. Default 256; 0 turns it off.
   */
  readonly cachedStreams?: number;
  /** Every how many revisions a cached stream keeps a snapshot of its state for as-of reads. Default 64. */
  readonly snapshotInterval?: number;
  /** How many snapshots a stream keeps at most; beyond, every other one goes and the interval doubles. Default 256. */
  readonly snapshotsKept?: number;
}

interface CachedState<State> {
  readonly state: State;
  readonly revision: number;
  readonly history: StateHistory<State>;
}

const INTACT: StreamIntegrity = { intact: true };

function instant(value: string | Date, name: string): number {
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time))
    throw new InvalidEventError(`${name} ${JSON.stringify(value)} is not an ISO 8601 date or timestamp.`);
  return time;
}

/** Loads, decides and appends with optimistic concurrency: the command side of one kind of aggregate. */
export class CommandHandler<Command, State, Event extends DomainEvent> {
  private readonly upcasters: Upcasters;
  private readonly maxAttempts: number;
  private readonly cachedStreams: number;
  private readonly cache = new Map<string, CachedState<State>>();
  private readonly streamsInUse = new Map<string, Promise<void>>();
  private readonly guard: ChainGuard;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, State, Event>,
    private readonly options: CommandHandlerOptions,
  ) {
    this.upcasters = options.upcasters ?? new Upcasters();
    this.maxAttempts = options.maxAttempts ?? 3;
    this.cachedStreams = options.cachedStreams ?? 256;
    this.guard = chainGuardOf(store);
  }

  /**
   * The state of a stream now, or as recorded and/or effective at a past time, or right after a
   * revision. A past state is folded from the latest snapshot the bounds admit; the events read from
   * there are verified from the snapshot's chain head on, as a current read verifies from its cache.
   */
  async load(streamId: string, asOf: AsOf = {}): Promise<LoadedState<State>> {
    if (asOf.recordedAsOf === undefined && asOf.effectiveAsOf === undefined && asOf.revision === undefined)
      return this.loadLatest(streamId);
    const bounds: AsOfBounds = {
      recordedBy: asOf.recordedAsOf === undefined ? Infinity : instant(asOf.recordedAsOf, 'recordedAsOf'),
      effectiveBy: asOf.effectiveAsOf === undefined ? Infinity : instant(asOf.effectiveAsOf, 'effectiveAsOf'),
      revision: asOf.revision ?? Infinity,
    };
    if (this.cachedStreams > 0) {
      const latest = await this.loadLatest(streamId);
      const cached = this.cache.get(streamId);
      if (latest.integrity.intact && cached && cached.revision === latest.revision)
        return this.loadFromSnapshot(streamId, cached, bounds);
    }
    return this.loadFully(streamId, bounds);
  }

  private async loadFromSnapshot(
    streamId: string,
    cached: CachedState<State>,
    bounds: AsOfBounds,
  ): Promise<LoadedState<State>> {
    const start = cached.history.startFor(bounds);
    const last = cached.history.lastCandidate(bounds);
    const first = start ? start.revision : 0;
    if (!start && last < 0) return { state: this.decider.initialState, revision: null, integrity: INTACT };
    const stored = await this.store.readStream(streamId, {
      fromRevision: first,
      maxCount: Math.max(last - first + 1, 1),
    });
    const integrity = this.guard.check(streamId, start?.head, stored, !start && last === cached.revision);
    const admitted = this.admitted(start ? stored.slice(1) : stored, bounds);
    return {
      state: this.fold(start ? start.state : this.decider.initialState, admitted),
      revision:
        admitted.length > 0 ? (admitted[admitted.length - 1] as RecordedEvent).revision : (start?.revision ?? null),
      integrity,
    };
  }

  /** A past state folded from the stream's first event, for streams not cached. */
  private async loadFully(streamId: string, bounds: AsOfBounds): Promise<LoadedState<State>> {
    const bounded = Number.isFinite(bounds.revision);
    const stored = await this.store.readStream(streamId, bounded ? { maxCount: bounds.revision + 1 } : {});
    const integrity = this.guard.check(streamId, undefined, stored, !bounded);
    const events = this.admitted(stored, bounds);
    return {
      state: this.fold(this.decider.initialState, events),
      revision: events.length === 0 ? null : (events[events.length - 1] as RecordedEvent).revision,
      integrity,
    };
  }

  private admitted(stored: readonly RecordedEvent[], bounds: AsOfBounds): RecordedEvent[] {
    return stored
      .filter(
        (event) =>
          event.revision <= bounds.revision &&
          Date.parse(event.recordedAt) <= bounds.recordedBy &&
          Date.parse(event.metadata.effectiveAt) <= bounds.effectiveBy,
      )
      .map((event) => this.upcasters.upcast(event));
  }

  /**
   * The latest state, from the cache plus the events appended since, or from the whole stream. The
   * cached revision is read again, so the guard sees that the event it verified is still there.
   */
  private async loadLatest(streamId: string): Promise<LoadedState<State>> {
    const cached = this.cache.get(streamId);
    const head = this.guard.verifiedHead(streamId);
    const from = cached && head && head.length - 1 === cached.revision ? head : undefined;
    const stored = await this.store.readStream(streamId, { fromRevision: from ? from.length - 1 : 0 });
    const integrity = this.guard.check(streamId, from, stored);
    const events = (from ? stored.slice(1) : stored).map((event) => this.upcasters.upcast(event));
    const base =
      from && cached
        ? cached
        : {
            state: this.decider.initialState,
            revision: null,
            history: new StateHistory<State>({
              interval: this.options.snapshotInterval ?? 64,
              most: this.options.snapshotsKept ?? 256,
            }),
          };
    const state = this.foldRecording(base, events);
    const revision = events.length > 0 ? (events[events.length - 1] as RecordedEvent).revision : base.revision;
    if (revision !== null && this.cachedStreams > 0 && integrity.intact)
      this.remember(streamId, { state, revision, history: base.history });
    return { state, revision, integrity };
  }

  /** Folds in steps that end where the history takes its snapshots, and lets it take them. */
  private foldRecording(
    base: { state: State; revision: number | null; history: StateHistory<State> },
    events: readonly RecordedEvent[],
  ): State {
    let state = base.state;
    let revision = base.revision ?? -1;
    for (let index = 0; index < events.length;) {
      const step = events.slice(index, index + base.history.stepFrom(revision));
      state = this.fold(state, step);
      base.history.record(step, state);
      index += step.length;
      revision = (step[step.length - 1] as RecordedEvent).revision;
    }
    return state;
  }

  /** Caches a stream's state unless a concurrent load already cached a later one. */
  private remember(streamId: string, entry: CachedState<State>): void {
    const known = this.cache.get(streamId);
    if (known && known.revision > entry.revision) return;
    this.cache.delete(streamId);
    this.cache.set(streamId, entry);
    if (this.cache.size > this.cachedStreams) this.cache.delete(this.cache.keys().next().value as string);
  }

  private fold(initial: State, events: readonly RecordedEvent[]): State {
    return fold(
      this.decider,
      events.map((event) => ({ type: event.type, data: event.data }) as Event),
      initial,
    );
  }

  /**
   * Commands on one stream run one after another in this process: concurrent ones would decide on the
   * same revision and all but one conflict, since appends that arrive together are committed together.
   */
  async handle(streamId: string, command: Command, context: CommandContext): Promise<CommandResult> {
    const type = (command as { type?: unknown }).type;
    return inSpan(
      `decide ${categoryOf(streamId)}`,
      { attributes: { 'bildung.stream': streamId, ...(typeof type === 'string' ? { 'bildung.command': type } : {}) } },
      () => this.inTurn(streamId, command, context),
    );
  }

  private async inTurn(streamId: string, command: Command, context: CommandContext): Promise<CommandResult> {
    const before = this.streamsInUse.get(streamId) ?? Promise.resolve();
    const result = before.then(() => this.decideAndAppend(streamId, command, context));
    const done = result.then(
      () => undefined,
      () => undefined,
    );
    this.streamsInUse.set(streamId, done);
    try {
      return await result;
    } finally {
      if (this.streamsInUse.get(streamId) === done) this.streamsInUse.delete(streamId);
    }
  }

  private async decideAndAppend(streamId: string, command: Command, context: CommandContext): Promise<CommandResult> {
    const retry = context.expectedRevision === undefined;
    for (let attempt = 1; ; attempt++) {
      const { state, revision, integrity } = await this.load(streamId);
      if (!integrity.intact) throw new TamperedStreamError(streamId, integrity.problem);
      if (
        !retry &&
        (context.expectedRevision === 'no-stream' ? revision !== null : revision !== context.expectedRevision)
      ) {
        return {
          outcome: 'conflict',
          expectedRevision: context.expectedRevision as number | 'no-stream',
          actualRevision: revision,
        };
      }
      const decision = this.decider.decide(command, state);
      if (!decision.accepted) return { outcome: 'rejected', revision, rejection: decision.rejection };
      if (decision.events.length === 0) return { outcome: 'accepted', revision, events: [] };
      try {
        const result = await this.store.append(
          streamId,
          decision.events.map((event) => ({
            type: event.type,
            data: event.data,
            metadata: {
              actor: context.actor,
              reason: context.reason,
              authority: context.authority,
              effectiveAt: context.effectiveAt,
              correlationId: context.correlationId,
              causationId: context.causationId,
              source: this.options.source,
              schemaVersion: this.upcasters.currentVersion(event.type),
              traceparent: context.traceparent ?? traceparentOf(),
            },
          })),
          revision === null ? 'no-stream' : revision,
        );
        return { outcome: 'accepted', revision: result.revision, events: result.events };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (!retry || attempt >= this.maxAttempts) {
          return {
            outcome: 'conflict',
            expectedRevision: revision === null ? 'no-stream' : revision,
            actualRevision: error.actual,
          };
        }
      }
    }
  }
}
