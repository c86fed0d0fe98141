import { Rejection } from '@bildungsregion/decider';
import {
  AsOf,
  CommandHandler,
  EventStore,
  HistoryEntry,
  Page,
  readHistoryPage,
  toHistoryEntry,
  RecordedEvent,
  StoreVerification,
  StreamVerification,
  verifyAllStreams,
  verifyStream,
} from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore, SortOrder } from '@bildungsregion/read-models';
import diff from 'microdiff';
import { Assessment, ASSESSMENTS, EDUCATION_STAGES, EducationStage, Goal, GoalCommand, GoalEvent, GOAL_STATUSES, GoalStatus, MeasurementProvenance } from '../domain/goal';
import { goalDecider } from '../domain/goal.decider';
import { GOAL_CATEGORY, goalStreamId } from './goal-streams';
import { GOAL_SUMMARIES, GoalSummary } from './goal-summary.projection';
import { Principal } from '@bildungsregion/http';
import { assertMayCommand, assertMayRead } from './access';

export const SERVICE_NAME = 'goals';

/** The decider refused the command; `kind` says whether it conflicts with the state (409) or breaks a rule (422). */
export class GoalCommandRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

/** The caller's `If-Match` named a revision that is no longer the goal's latest. */
export class StaleRevisionError extends Error {
  constructor(
    readonly expected: number | 'no-stream',
    readonly actual: number | null,
  ) {
    super(
      actual === null
        ? 'This goal does not exist.'
        : `The goal has changed since revision ${expected} (it is now at revision ${actual}); reload it and decide again.`,
    );
  }
}

export class GoalNotFoundError extends Error {
  constructor(goalId: string, asOf: AsOf = {}) {
    const when = [asOf.recordedAsOf && `as recorded by ${String(asOf.recordedAsOf)}`, asOf.effectiveAsOf && `as effective on ${String(asOf.effectiveAsOf)}`]
      .filter(Boolean)
      .join(' and ');
    super(`There is no goal ${goalId}${when ? ` ${when}` : ''}.`);
  }
}

export class InvalidGoalQueryError extends Error {}

/** Who issues a command and on what grounds; becomes the events' metadata. */
/** A service reacting to another service's event, recorded as the actor of what it causes. */
export interface ServiceActor {
  readonly id: string;
  readonly role: 'service';
}

export interface CommandRequest {
  readonly principal: Principal | ServiceActor;
  readonly correlationId: string;
  /** The revision the caller saw (`If-Match`); without it the command applies to the latest state. */
  readonly expectedRevision?: number;
  readonly reason?: string;
  readonly authority?: string;
  /** When the change took effect in the world (business time); defaults to now. */
  readonly effectiveAt?: string;
  readonly causationId?: string;
}

export interface CommandOutcome {
  readonly goalId: string;
  /** The goal's revision after the command: its new ETag. */
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

export interface GoalView {
  readonly goalId: string;
  readonly revision: number;
  readonly goal: Goal;
}

export interface GoalDiff {
  readonly goalId: string;
  readonly from: number;
  readonly to: number;
  /** What differs in the goal between the two revisions, by path. */
  readonly changes: readonly { readonly path: string; readonly kind: 'added' | 'removed' | 'changed'; readonly before?: unknown; readonly after?: unknown }[];
  /** The events that made the difference. */
  readonly events: readonly HistoryEntry[];
}

export interface GoalListQuery {
  readonly status?: GoalStatus;
  readonly stage?: EducationStage;
  readonly region?: string;
  readonly party?: string;
  readonly indicator?: string;
  readonly assessment?: Assessment;
  readonly synthetic?: boolean;
  readonly sort: SortOrder;
  readonly offset: number;
  readonly limit: number;
}

export interface Dashboard {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly byAssessment: Record<string, number>;
  readonly byStage: Record<string, number>;
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
    | { readonly kind: 'manual-entry'; readonly by: { readonly id: string; readonly role: string }; readonly correlationId: string }
    | ({ readonly kind: 'monitoring-measurement'; readonly measurementId: string; readonly origin: { readonly kind: 'import'; readonly importId: string } | { readonly kind: 'request'; readonly correlationId: string } } & MeasurementProvenance);
  readonly corrections: readonly (Recording & {
    readonly value: number;
    readonly previousValue: number;
    readonly reason?: string;
    readonly cause: { readonly kind: 'manual-entry' } | { readonly kind: 'monitoring-correction'; readonly eventId: string; readonly correctedBy: { readonly id: string; readonly role: string } };
  })[];
}

function recordingOf(event: RecordedEvent): Recording {
  return {
    eventId: event.id,
    revision: event.revision,
    recordedAt: event.recordedAt,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId !== undefined ? { causationId: event.metadata.causationId } : {}),
  };
}

function pathOf(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** The goals use cases: commands through the decider, queries from the store (consistent) or the read model (fast). */
export class Goals {
  private readonly handler: CommandHandler<GoalCommand, Goal, Parameters<typeof goalDecider.evolve>[1]>;
  private readonly summaries: ReadModelCollection<GoalSummary>;

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelStore,
  ) {
    this.handler = new CommandHandler(store, goalDecider, { source: SERVICE_NAME });
    this.summaries = readModels.collection<GoalSummary>(GOAL_SUMMARIES);
  }

  async execute(goalId: string, command: GoalCommand, request: CommandRequest): Promise<CommandOutcome> {
    const streamId = goalStreamId(goalId);
    const { principal } = request;
    if (principal.role === 'actor') {
      const { state } = await this.handler.load(streamId);
      if (state.status === 'none') throw new GoalNotFoundError(goalId);
      assertMayCommand(principal, state, command);
    }
    const result = await this.handler.handle(streamId, command, {
      actor: { id: request.principal.id, role: request.principal.role },
      correlationId: request.correlationId,
      ...(request.causationId !== undefined ? { causationId: request.causationId } : {}),
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
      ...(request.authority !== undefined ? { authority: request.authority } : {}),
      ...(request.effectiveAt !== undefined ? { effectiveAt: request.effectiveAt } : {}),
      ...(command.type === 'DraftGoal' ? { expectedRevision: 'no-stream' as const } : {}),
      ...(request.expectedRevision !== undefined ? { expectedRevision: request.expectedRevision } : {}),
    });
    if (result.outcome === 'conflict') {
      if (command.type === 'DraftGoal' && request.expectedRevision === undefined) {
        throw new GoalCommandRejectedError({ kind: 'invalid-transition', code: 'goal-exists', message: `A goal with the id ${goalId} already exists.` });
      }
      if (result.actualRevision === null) throw new GoalNotFoundError(goalId);
      throw new StaleRevisionError(result.expectedRevision, result.actualRevision);
    }
    if (result.outcome === 'rejected') {
      if (result.rejection.code === 'goal-not-found') throw new GoalNotFoundError(goalId);
      throw new GoalCommandRejectedError(result.rejection);
    }
    return { goalId, revision: result.revision as number, events: result.events };
  }

  /** The goal now, as recorded by a past time and/or as effective on a past date, or right after a revision. */
  async get(goalId: string, principal: Principal, asOf: AsOf = {}): Promise<GoalView> {
    const { state, revision } = await this.handler.load(goalStreamId(goalId), asOf);
    if (state.status === 'none' || revision === null) throw new GoalNotFoundError(goalId, asOf);
    assertMayRead(principal, state);
    return { goalId, revision, goal: state };
  }

  /**
   * Walks from a progress value back to its cause: the manual entry, or the monitoring measurement
   * with the import or request it came from and who made it, from what goals kept of the event.
   */
  async trace(goalId: string, progressId: string, principal: Principal): Promise<ProgressTrace> {
    const { goal } = await this.get(goalId, principal);
    const record = goal.progress.find((known) => known.progressId === progressId);
    if (!record) throw new GoalNotFoundError(`${goalId} with progress ${progressId}`);
    const events = await this.store.readStream(goalStreamId(goalId));
    const concerning = events.filter((event) => (event.data as { progressId?: string }).progressId === progressId);
    const recordedEvent = concerning.find((event) => event.type === 'ProgressRecorded') as RecordedEvent;
    const recorded = recordingOf(recordedEvent);
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
            origin: measurement.importId ? { kind: 'import', importId: measurement.importId } : { kind: 'request', correlationId: measurement.correlationId },
          }
        : { kind: 'manual-entry', by: recorded.actor, correlationId: recorded.correlationId },
      corrections: concerning
        .filter((event) => event.type === 'ProgressCorrected')
        .map((event) => {
          const { data } = { type: event.type, data: event.data } as Extract<GoalEvent, { type: 'ProgressCorrected' }>;
          return {
            ...recordingOf(event),
            value: data.value,
            previousValue: data.previousValue,
            ...(event.metadata.reason !== undefined ? { reason: event.metadata.reason } : {}),
            cause: data.measurementCorrection ? { kind: 'monitoring-correction' as const, ...data.measurementCorrection } : { kind: 'manual-entry' as const },
          };
        }),
    };
  }

  /** Goals linked to the indicator in the region, whatever their status; the decider decides what applies. */
  async linkedTo(indicatorKey: string, regionKey: string): Promise<string[]> {
    const linked = await this.summaries.find({ filter: { indicatorKey, indicatorRegionKey: regionKey }, limit: 1_000 });
    return linked.map((summary) => summary.id);
  }

  /** The progress a monitoring measurement became on a goal, if it became any. */
  async progressOfMeasurement(goalId: string, measurementId: string): Promise<string | undefined> {
    const { state } = await this.handler.load(goalStreamId(goalId));
    return state.progress.find((record) => record.measurementId === measurementId)?.progressId;
  }

  async history(goalId: string, page: { offset: number; limit: number }): Promise<Page<HistoryEntry>> {
    const history = await readHistoryPage(this.store, goalStreamId(goalId), page);
    if (!history) throw new GoalNotFoundError(goalId);
    return history;
  }

  async diff(goalId: string, from: number, to: number): Promise<GoalDiff> {
    if (from >= to) throw new InvalidGoalQueryError(`"from" (${from}) must be an earlier revision than "to" (${to}).`);
    const last = await this.store.lastRevision(goalStreamId(goalId));
    if (last === null) throw new GoalNotFoundError(goalId);
    if (to > last) throw new InvalidGoalQueryError(`The goal has revisions 0 to ${last}; there is no revision ${to}.`);
    const before = await this.handler.load(goalStreamId(goalId), { revision: from });
    const after = await this.handler.load(goalStreamId(goalId), { revision: to });
    const changes = diff(before.state as unknown as Record<string, unknown>, after.state as unknown as Record<string, unknown>).map((change) => {
      const path = pathOf(change.path);
      if (change.type === 'CREATE') return { path, kind: 'added' as const, after: change.value };
      if (change.type === 'REMOVE') return { path, kind: 'removed' as const, before: change.oldValue };
      return { path, kind: 'changed' as const, before: change.oldValue, after: change.value };
    });
    const events = await this.store.readStream(goalStreamId(goalId), { fromRevision: from + 1, maxCount: to - from });
    return { goalId, from, to, changes, events: events.map(toHistoryEntry) };
  }

  async verify(goalId: string): Promise<StreamVerification> {
    const streamId = goalStreamId(goalId);
    if ((await this.store.lastRevision(streamId)) === null) throw new GoalNotFoundError(goalId);
    return verifyStream(this.store, streamId);
  }

  verifyAll(): Promise<StoreVerification> {
    return verifyAllStreams(this.store, { categories: [GOAL_CATEGORY] });
  }

  /** The goal list from the read model; actors see only goals they are party to. */
  async list(query: GoalListQuery, principal: Principal): Promise<Page<GoalSummary>> {
    const filter: Record<string, string | boolean> = {};
    if (query.status) filter['status'] = query.status;
    if (query.stage) filter['stage'] = query.stage;
    if (query.region) filter['regionKeys'] = query.region;
    if (query.indicator) filter['indicatorKey'] = query.indicator;
    if (query.assessment) filter['assessment'] = query.assessment;
    if (query.synthetic !== undefined) filter['synthetic'] = query.synthetic;
    if (principal.role === 'actor') {
      if (query.party && query.party !== principal.id) return { items: [], total: 0, offset: query.offset, limit: query.limit };
      filter['partyIds'] = principal.id;
    } else if (query.party) {
      filter['partyIds'] = query.party;
    }
    const [items, total] = await Promise.all([
      this.summaries.find({ filter, sort: query.sort, skip: query.offset, limit: query.limit }),
      this.summaries.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }

  /** Counts by status, assessment and stage, of all goals or of those in one region. */
  async dashboard(region?: string): Promise<Dashboard> {
    const filter = region ? { regionKeys: region } : {};
    const countBy = async (field: string, values: readonly string[]) =>
      Object.fromEntries(await Promise.all(values.map(async (value) => [value, await this.summaries.count({ ...filter, [field]: value })] as const)));
    const [total, byStatus, byAssessment, byStage] = await Promise.all([
      this.summaries.count(filter),
      countBy('status', GOAL_STATUSES),
      countBy('assessment', ASSESSMENTS),
      countBy('stage', EDUCATION_STAGES),
    ]);
    return { total, byStatus, byAssessment, byStage };
  }
}
