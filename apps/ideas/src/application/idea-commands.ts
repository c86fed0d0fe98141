import {
  ActorDirectory,
  Aggregates,
  CommandOutcome,
  CommandWarning,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { CriterionScore, DEFAULT_CRITERIA, Evaluator } from '../domain/evaluation';
import {
  ContentChanges,
  Idea,
  IdeaCommand,
  IdeaContent,
  IdeaDecision,
  IdeaEvent,
  PromotionTarget,
  Submitter,
  Withdrawal,
} from '../domain/idea';
import { ideaDecider } from '../domain/idea.decider';
import { assertMayCommand } from './access';
import { CallCommands } from './calls/call-commands';
import { IDEAS, SERVICE_NAME } from './streams';

/** The ideas commands, one per intention; each records through the idea decider with optimistic concurrency. */
export class IdeaCommands {
  readonly ideas: Aggregates<IdeaCommand, Idea, IdeaEvent>;
  private readonly decider;

  constructor(
    store: EventStore,
    district: District,
    private readonly calls: CallCommands,
    private readonly directory: ActorDirectory,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.decider = ideaDecider(district);
    this.ideas = new Aggregates({
      store,
      decider: this.decider,
      category: IDEAS,
      source: SERVICE_NAME,
      noun: 'idea',
    });
  }

  /**
   * Submits an idea under a new id. An actor submits for itself; a coordinator for the office, or on
   * behalf of an actor organisation.
   */
  async submit(
    content: IdeaContent,
    request: CommandRequest,
    options: { readonly onBehalfOf?: string; readonly ideaId?: string; readonly callId?: string } = {},
  ): Promise<CommandOutcome & { warnings: CommandWarning[] }> {
    const { principal } = request;
    if (options.callId !== undefined) await this.calls.requireAcceptingIdeas(options.callId);
    if (principal.role === 'actor' && options.onBehalfOf !== undefined && options.onBehalfOf !== principal.id)
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'submit-for-another-actor',
        message: `An actor submits ideas for itself (${principal.id}), not on behalf of ${options.onBehalfOf}.`,
      });
    const submitter: Submitter =
      principal.role === 'actor' || options.onBehalfOf !== undefined
        ? { id: options.onBehalfOf ?? principal.id, kind: 'actor' }
        : { id: principal.id, kind: 'coordinator' };
    const ideaId = options.ideaId ?? newIdFor(request, 'idea');
    const command: IdeaCommand = {
      type: 'SubmitIdea',
      ideaId,
      content,
      submitter,
      ...(options.callId !== undefined ? { callId: options.callId } : {}),
    };
    const outcome = await this.ideas.execute(ideaId, command, request, {
      creates: { code: 'idea-exists', message: `An idea with the id ${ideaId} already exists.` },
    });
    // An actor the directory does not know is recorded all the same; the answer says so.
    const warnings = submitter.kind === 'actor' ? await this.directory.warningsFor([submitter.id]) : [];
    return { ...outcome, warnings };
  }

  revise(ideaId: string, changes: ContentChanges, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(ideaId, { type: 'ReviseIdea', changes }, request);
  }

  /** Withdraws an idea; as a duplicate only in favour of an idea that exists and is still open. */
  async withdraw(ideaId: string, withdrawal: Withdrawal, request: CommandRequest): Promise<CommandOutcome> {
    if (withdrawal.duplicateOf !== undefined && withdrawal.duplicateOf !== ideaId) {
      const other = await this.ideas.current(withdrawal.duplicateOf);
      if (other.revision === null)
        throw new CommandRejectedError({
          kind: 'rule-violation',
          code: 'duplicate-of-unknown',
          message: `There is no idea ${withdrawal.duplicateOf} to withdraw this one in favour of.`,
        });
      if (other.state.status !== 'submitted')
        throw new CommandRejectedError({
          kind: 'rule-violation',
          code: 'duplicate-of-not-open',
          message: `The idea ${withdrawal.duplicateOf} was withdrawn itself; name an idea that is still open.`,
        });
    }
    return this.execute(ideaId, { type: 'WithdrawIdea', withdrawal }, request);
  }

  async comment(
    ideaId: string,
    comment: { readonly text: string; readonly replyTo?: string },
    request: CommandRequest,
  ): Promise<CommandOutcome & { commentId: string }> {
    const commentId = newIdFor(request, 'comment', ideaId);
    const command: IdeaCommand = {
      type: 'PostComment',
      commentId,
      authorId: request.principal.id,
      text: comment.text,
      ...(comment.replyTo !== undefined ? { replyTo: comment.replyTo } : {}),
      at: this.now().toISOString(),
    };
    return { ...(await this.execute(ideaId, command, request)), commentId };
  }

  async editComment(
    ideaId: string,
    commentId: string,
    text: string,
    request: CommandRequest,
  ): Promise<CommandOutcome & { commentId: string }> {
    const command: IdeaCommand = {
      type: 'EditComment',
      commentId,
      editorId: request.principal.id,
      text,
      at: this.now().toISOString(),
    };
    return { ...(await this.execute(ideaId, command, request)), commentId };
  }

  endorse(ideaId: string, actorId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(ideaId, { type: 'EndorseIdea', actorId }, request);
  }

  withdrawEndorsement(ideaId: string, actorId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(ideaId, { type: 'WithdrawEndorsement', actorId }, request);
  }

  /**
   * Assigns evaluators. The idea is scored against its call's own criteria when the call brings some,
   * else the office's catalogue; a call with an evaluator pool takes evaluators from that pool only.
   */
  async assignEvaluators(
    ideaId: string,
    evaluators: readonly Evaluator[],
    request: CommandRequest,
  ): Promise<CommandOutcome> {
    const { state } = await this.ideas.load(ideaId);
    const call = state.callId ? (await this.calls.calls.current(state.callId)).state.terms : null;
    const pool = call?.evaluatorPool ?? [];
    const outside = evaluators.find(
      (evaluator) => pool.length > 0 && !pool.some((member) => member.id === evaluator.id),
    );
    if (outside)
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'evaluator-not-in-pool',
        message: `${outside.id} is not in the evaluator pool of the call this idea answers.`,
      });
    const criteria = call && call.criteria.length > 0 ? call.criteria : DEFAULT_CRITERIA;
    return this.execute(ideaId, { type: 'AssignEvaluators', evaluators, criteria }, request);
  }

  /** Records the caller's own evaluation; only an assigned evaluator evaluates. */
  evaluate(ideaId: string, scores: readonly CriterionScore[], request: CommandRequest): Promise<CommandOutcome> {
    const command: IdeaCommand = {
      type: 'SubmitEvaluation',
      evaluatorId: request.principal.id,
      scores,
      submittedAt: this.now().toISOString(),
    };
    return this.execute(ideaId, command, request);
  }

  decide(ideaId: string, decision: IdeaDecision, request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(ideaId, { type: 'DecideIdea', ...decision }, { ...request, authority: decision.authority });
  }

  async promote(
    ideaId: string,
    target: PromotionTarget,
    request: CommandRequest,
  ): Promise<CommandOutcome & { promotionId: string }> {
    const promotionId = newIdFor(request, 'promotion', ideaId);
    return { ...(await this.execute(ideaId, { type: 'PromoteIdea', promotionId, target }, request)), promotionId };
  }

  /** Refuses, naming the idea, what its decider would refuse: a check before a change that spans several ideas. */
  assertWouldAccept(ideaId: string, idea: Idea, command: IdeaCommand): void {
    const decision = this.decider.decide(command, idea);
    if (decision.accepted) return;
    throw new CommandRejectedError({ ...decision.rejection, message: `Idea ${ideaId}: ${decision.rejection.message}` });
  }

  private async execute(ideaId: string, command: IdeaCommand, request: CommandRequest): Promise<CommandOutcome> {
    if (request.principal.role === 'actor')
      assertMayCommand(request.principal, (await this.ideas.load(ideaId)).state, command);
    return this.ideas.execute(ideaId, command, request);
  }
}
