import {
  ActorDirectory,
  Aggregates,
  CommandOutcome,
  CommandRequest,
  CommandWarning,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { DraftTerms, Goal, GoalCommand, GoalEvent, GoalTerms, Milestone, RevisableTerms } from '../domain/goal';
import { goalDecider } from '../domain/goal.decider';
import { assertMayCommand } from './access';
import { GOALS, SERVICE_NAME } from './streams';

/** What the request changes and why; the reason, authority and effective date also go into the request's metadata. */
type Reasoned = CommandRequest & { readonly reason: string };

/** The goals commands, one per intention; each records through the goal decider with optimistic concurrency. */
export class GoalCommands {
  readonly goals: Aggregates<GoalCommand, Goal, GoalEvent>;

  constructor(
    store: EventStore,
    district: District,
    private readonly directory: ActorDirectory,
  ) {
    this.goals = new Aggregates({
      store,
      decider: goalDecider(district),
      category: GOALS,
      source: SERVICE_NAME,
      noun: 'goal',
    });
  }

  /** Drafts a goal under a new id (derived from the Idempotency-Key when there is one). */
  async draft(
    terms: GoalTerms,
    request: CommandRequest,
    options: { readonly goalId?: string; readonly synthetic?: boolean } = {},
  ): Promise<CommandOutcome & { warnings: CommandWarning[] }> {
    const goalId = options.goalId ?? newIdFor(request, 'goal');
    const command: GoalCommand = {
      type: 'DraftGoal',
      goalId,
      terms,
      ...(options.synthetic ? { synthetic: true } : {}),
    };
    const outcome = await this.goals.execute(goalId, command, request, {
      creates: { code: 'goal-exists', message: `A goal with the id ${goalId} already exists.` },
    });
    return { ...outcome, warnings: await this.partyWarnings(terms.parties) };
  }

  /** Completes or changes a draft, any term included; a proposed goal is revised instead. */
  async amendDraft(goalId: string, changes: DraftTerms, request: CommandRequest) {
    const outcome = await this.execute(goalId, { type: 'AmendDraft', changes }, request);
    return { ...outcome, warnings: await this.partyWarnings(changes.parties) };
  }

  propose(goalId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'ProposeGoal' }, request);
  }

  consent(goalId: string, partyId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'RecordConsent', partyId }, request);
  }

  agree(
    goalId: string,
    request: CommandRequest & { readonly authority: string; readonly effectiveAt: string },
  ): Promise<CommandOutcome> {
    return this.execute(
      goalId,
      { type: 'AgreeGoal', authority: request.authority, effectiveOn: request.effectiveAt },
      request,
    );
  }

  async revise(goalId: string, changes: RevisableTerms, request: Reasoned) {
    const outcome = await this.execute(goalId, { type: 'ReviseGoal', changes, reason: request.reason }, request);
    return { ...outcome, warnings: await this.partyWarnings(changes.parties) };
  }

  /** Parties the actors directory does not know are recorded all the same, with a warning in the answer. */
  private partyWarnings(parties: readonly { readonly id: string }[] | undefined): Promise<CommandWarning[]> {
    return this.directory.warningsFor((parties ?? []).map((party) => party.id));
  }

  addMilestone(goalId: string, milestone: Milestone, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'AddMilestone', milestone }, request);
  }

  /** Records a progress value by hand; it takes effect on the date it describes. */
  async recordProgress(
    goalId: string,
    progress: { value: number; asOf: string; note?: string },
    request: CommandRequest,
  ): Promise<CommandOutcome & { progressId: string }> {
    const progressId = newIdFor(request, 'progress', goalId);
    const command: GoalCommand = { type: 'RecordProgress', progressId, source: 'manual', ...progress };
    return { ...(await this.execute(goalId, command, { ...request, effectiveAt: progress.asOf })), progressId };
  }

  correctProgress(goalId: string, progressId: string, value: number, request: Reasoned): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'CorrectProgress', progressId, value, reason: request.reason }, request);
  }

  suspend(goalId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'SuspendGoal', reason: request.reason }, request);
  }

  resume(goalId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'ResumeGoal', ...(request.reason ? { reason: request.reason } : {}) }, request);
  }

  close(goalId: string, outcome: 'achieved' | 'missed', request: Reasoned): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'CloseGoal', outcome, reason: request.reason }, request);
  }

  cancel(goalId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.execute(goalId, { type: 'CancelGoal', reason: request.reason }, request);
  }

  /** The progress a monitoring measurement became on a goal, if it became any. */
  async progressOfMeasurement(goalId: string, measurementId: string): Promise<string | undefined> {
    const { state } = await this.goals.current(goalId);
    return state.progress.find((record) => record.measurementId === measurementId)?.progressId;
  }

  /** Any goal command; an actor may only send the ones it is allowed to on goals it is party to. */
  async execute(goalId: string, command: GoalCommand, request: CommandRequest): Promise<CommandOutcome> {
    if (request.principal.role === 'actor')
      assertMayCommand(request.principal, (await this.goals.load(goalId)).state, command);
    return this.goals.execute(goalId, command, request);
  }
}
