import { ActorDirectory, Aggregates, InvalidQueryError, NotFoundError, Principal } from '@bildungsregion/application';
import {
  AsOf,
  EventStore,
  HistoryEntry,
  Page,
  RecordedEvent,
  StoreVerification,
  StreamIntegrity,
  StreamVerification,
  toHistoryEntry,
} from '@bildungsregion/event-store';
import diff from 'microdiff';
import { Goal, GoalCommand, GoalEvent, MeasurementProvenance, ProgressRecord } from '../domain/goal';
import { plannedTrajectory, PlannedTrajectory } from '../domain/trajectory';
import { assertMayRead } from './access';
import { progressPage, ProgressSummary, withNewestProgress } from './goal-progress';
import { GOALS } from './streams';

export interface GoalView {
  readonly goalId: string;
  readonly revision: number;
  /** The goal, carrying only its newest progress records (see `progressSummary`). */
  readonly goal: Goal;
  readonly progressSummary: ProgressSummary;
  /** Whether the goal's recorded history still verifies; a broken one takes no commands. */
  readonly integrity: StreamIntegrity;
  /** The planned line with its on-track and at-risk margins, once the goal has terms. */
  readonly trajectory?: PlannedTrajectory;
  /** The parties' names in the actors directory, by actor id; parties it does not know are left out. */
  readonly actors: Record<string, { name: string; status: string }>;
}

export interface GoalDiff {
  readonly goalId: string;
  readonly from: number;
  readonly to: number;
  /** What differs in the goal between the two revisions, by path. */
  readonly changes: readonly {
    readonly path: string;
    readonly kind: 'added' | 'removed' | 'changed';
    readonly before?: unknown;
    readonly after?: unknown;
  }[];
  /** The events that made the difference. */
  readonly events: readonly HistoryEntry[];
}

interface Recording {
  readonly eventId: string;
  readonly revision: number;
  readonly recordedAt: string;
  readonly actor: { readonly id: string; readonly role: string };
  readonly correlationId: string;
  readonly causationId?: string;
}

/** A progress value with the chain of what caused it and every correction since. */
export interface ProgressTrace {
  readonly goalId: string;
  readonly progressId: string;
  readonly value: number;
  readonly asOf: string;
  readonly source: 'manual' | 'monitoring';
  readonly recorded: Recording;
  readonly cause:
    | {
        readonly kind: 'manual-entry';
        readonly by: { readonly id: string; readonly role: string };
        readonly correlationId: string;
      }
    | ({
        readonly kind: 'monitoring-measurement';
        readonly measurementId: string;
        readonly origin:
          | { readonly kind: 'import'; readonly importId: string }
          | { readonly kind: 'request'; readonly correlationId: string };
      } & MeasurementProvenance);
  readonly corrections: readonly (Recording & {
    readonly value: number;
    readonly previousValue: number;
    readonly reason?: string;
    readonly cause:
      | { readonly kind: 'manual-entry' }
      | {
          readonly kind: 'monitoring-correction';
          readonly eventId: string;
          readonly correctedBy: { readonly id: string; readonly role: string };
        };
  })[];
}

function recordingOf(event: RecordedEvent): Recording {
  const { actor, correlationId, causationId } = event.metadata;
  return {
    eventId: event.id,
    revision: event.revision,
    recordedAt: event.recordedAt,
    actor,
    correlationId,
    ...(causationId !== undefined ? { causationId } : {}),
  };
}

function correctionOf(event: RecordedEvent): ProgressTrace['corrections'][number] {
  const { data } = { type: event.type, data: event.data } as Extract<GoalEvent, { type: 'ProgressCorrected' }>;
  return {
    ...recordingOf(event),
    value: data.value,
    previousValue: data.previousValue,
    ...(event.metadata.reason !== undefined ? { reason: event.metadata.reason } : {}),
    cause: data.measurementCorrection
      ? { kind: 'monitoring-correction', ...data.measurementCorrection }
      : { kind: 'manual-entry' },
  };
}

/** What auditors read of a goal: its state at any time, its history, what changed between revisions, where progress came from, and its hash chain. */
export class GoalAudit {
  constructor(
    private readonly store: EventStore,
    private readonly goals: Aggregates<GoalCommand, Goal, GoalEvent>,
    private readonly directory: ActorDirectory,
  ) {}

  /** The goal now, as recorded by a past time and/or as effective on a past date, or right after a revision. */
  async get(goalId: string, principal: Principal, asOf: AsOf = {}): Promise<GoalView> {
    const { state, revision, integrity } = await this.loadReadable(goalId, principal, asOf);
    return {
      goalId,
      revision,
      ...withNewestProgress(state),
      integrity,
      ...(state.terms ? { trajectory: plannedTrajectory(state.terms) } : {}),
      actors: await this.directory.lookUpIfReachable(
        (state.terms?.parties ?? state.incompleteTerms?.parties ?? []).map((party) => party.id),
      ),
    };
  }

  /** A goal's progress page by page, the newest first, now or as at a past time. */
  async progress(
    goalId: string,
    principal: Principal,
    asOf: AsOf,
    page: { offset: number; limit: number },
  ): Promise<Page<ProgressRecord>> {
    return progressPage((await this.loadReadable(goalId, principal, asOf)).state, page);
  }

  private async loadReadable(goalId: string, principal: Principal, asOf: AsOf) {
    // An actor's access follows today's party list: one removed from a goal no longer reads its past either.
    if (principal.role === 'actor') assertMayRead(principal, (await this.goals.load(goalId)).state);
    return this.goals.load(goalId, asOf);
  }

  /**
   * Walks from a progress value back to its cause: the manual entry, or the monitoring measurement
   * with the import or request it came from and who made it, from what goals kept of the event.
   */
  async trace(goalId: string, progressId: string, principal: Principal): Promise<ProgressTrace> {
    const { state } = await this.loadReadable(goalId, principal, {});
    const record = state.progress.find((known) => known.progressId === progressId);
    if (!record)
      throw new NotFoundError(
        `There is no goal ${goalId} with progress ${progressId}.`,
        'goal-not-found',
        'Goal not found',
      );
    const events = await this.store.readStream(GOALS.streamId(goalId));
    const concerning = events.filter((event) => (event.data as { progressId?: string }).progressId === progressId);
    const recorded = recordingOf(concerning.find((event) => event.type === 'ProgressRecorded') as RecordedEvent);
    const { measurement } = record;
    return {
      goalId,
      progressId,
      value: record.value,
      asOf: record.asOf,
      source: record.source,
      recorded,
      cause: measurement
        ? {
            kind: 'monitoring-measurement',
            measurementId: record.measurementId ?? '',
            ...measurement,
            origin: measurement.importId
              ? { kind: 'import', importId: measurement.importId }
              : { kind: 'request', correlationId: measurement.correlationId },
          }
        : { kind: 'manual-entry', by: recorded.actor, correlationId: recorded.correlationId },
      corrections: concerning.filter((event) => event.type === 'ProgressCorrected').map(correctionOf),
    };
  }

  history(goalId: string, page: { offset: number; limit: number }): Promise<Page<HistoryEntry>> {
    return this.goals.history(goalId, page);
  }

  async diff(goalId: string, from: number, to: number): Promise<GoalDiff> {
    if (from >= to) throw new InvalidQueryError(`"from" (${from}) must be an earlier revision than "to" (${to}).`);
    const last = (await this.goals.load(goalId)).revision;
    if (to > last) throw new InvalidQueryError(`The goal has revisions 0 to ${last}; there is no revision ${to}.`);
    const before = await this.goals.load(goalId, { revision: from });
    const after = await this.goals.load(goalId, { revision: to });
    const changes = diff(
      before.state as unknown as Record<string, unknown>,
      after.state as unknown as Record<string, unknown>,
    ).map((change) => {
      const path = change.path.map(String).join('.');
      if (change.type === 'CREATE') return { path, kind: 'added' as const, after: change.value };
      if (change.type === 'REMOVE') return { path, kind: 'removed' as const, before: change.oldValue };
      return { path, kind: 'changed' as const, before: change.oldValue, after: change.value };
    });
    const events = await this.store.readStream(GOALS.streamId(goalId), { fromRevision: from + 1, maxCount: to - from });
    return { goalId, from, to, changes, events: events.map(toHistoryEntry) };
  }

  verify(goalId: string): Promise<StreamVerification> {
    return this.goals.verify(goalId);
  }

  verifyAll(): Promise<StoreVerification> {
    return this.goals.verifyAll();
  }
}
