import {
  Aggregates,
  CommandOutcome,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { ContentChanges, Idea, IdeaCommand, IdeaContent, IdeaEvent, Submitter, Withdrawal } from '../domain/idea';
import { ideaDecider } from '../domain/idea.decider';
import { assertMayCommand } from './access';
import { IDEAS, SERVICE_NAME } from './streams';

/** The ideas commands, one per intention; each records through the idea decider with optimistic concurrency. */
export class IdeaCommands {
  readonly ideas: Aggregates<IdeaCommand, Idea, IdeaEvent>;

  constructor(
    store: EventStore,
    district: District,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.ideas = new Aggregates({
      store,
      decider: ideaDecider(district),
      category: IDEAS,
      source: SERVICE_NAME,
      noun: 'idea',
    });
  }

  /**
   * Submits an idea under a new id. An actor submits for itself; a coordinator for the office, or on
   * behalf of an actor organisation.
   */
  submit(
    content: IdeaContent,
    request: CommandRequest,
    options: { readonly onBehalfOf?: string; readonly ideaId?: string } = {},
  ): Promise<CommandOutcome> {
    const { principal } = request;
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
    return this.ideas.execute(ideaId, { type: 'SubmitIdea', ideaId, content, submitter }, request, {
      creates: { code: 'idea-exists', message: `An idea with the id ${ideaId} already exists.` },
    });
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

  private async execute(ideaId: string, command: IdeaCommand, request: CommandRequest): Promise<CommandOutcome> {
    if (request.principal.role === 'actor')
      assertMayCommand(request.principal, (await this.ideas.load(ideaId)).state, command);
    return this.ideas.execute(ideaId, command, request);
  }
}
