import {
  Aggregates,
  CommandOutcome,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { Call, CallCause, CallCommand, CallEvent, CallTerms } from '../../domain/call';
import { acceptsIdeasOn, callDecider } from '../../domain/call.decider';
import { CALLS, SERVICE_NAME } from '../streams';

/** The calls for ideas: drafted by coordinators or by the system on a cause, opened and closed by coordinators. */
export class CallCommands {
  readonly calls: Aggregates<CallCommand, Call, CallEvent>;

  constructor(
    store: EventStore,
    district: District,
    private readonly today: () => string = () => new Date().toISOString().slice(0, 10),
  ) {
    this.calls = new Aggregates({
      store,
      decider: callDecider(district),
      category: CALLS,
      source: SERVICE_NAME,
      noun: 'call',
    });
  }

  /** Drafts a call; `callId` is given when the id must follow from a cause, so a cause drafts one call only. */
  draft(
    terms: CallTerms,
    request: CommandRequest,
    options: { readonly callId?: string; readonly cause?: CallCause } = {},
  ): Promise<CommandOutcome> {
    const callId = options.callId ?? newIdFor(request, 'call');
    const command: CallCommand = {
      type: 'DraftCall',
      callId,
      terms,
      ...(options.cause ? { cause: options.cause } : {}),
    };
    return this.calls.execute(callId, command, request, {
      creates: { code: 'call-exists', message: `A call with the id ${callId} already exists.` },
    });
  }

  revise(callId: string, changes: Partial<CallTerms>, request: CommandRequest): Promise<CommandOutcome> {
    return this.calls.execute(callId, { type: 'ReviseCall', changes }, request);
  }

  /** Opens a call today (or on a later date) until its closing date. */
  open(
    callId: string,
    period: { opensOn?: string; closesOn: string },
    request: CommandRequest,
  ): Promise<CommandOutcome> {
    const opensOn = period.opensOn ?? this.today();
    if (opensOn < this.today())
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'opens-in-the-past',
        message: `A call opens today (${this.today()}) or later, not on ${opensOn}.`,
      });
    return this.calls.execute(callId, { type: 'OpenCall', opensOn, closesOn: period.closesOn }, request);
  }

  close(callId: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.calls.execute(callId, { type: 'CloseCall', on: this.today() }, request);
  }

  /** The call an idea is submitted to, refused unless it takes ideas today. */
  async requireAcceptingIdeas(callId: string): Promise<Call> {
    const { state, revision } = await this.calls.current(callId);
    if (revision === null)
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'unknown-call',
        message: `There is no call for ideas ${callId}.`,
      });
    if (!acceptsIdeasOn(state, this.today()))
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'call-not-accepting',
        message:
          state.status === 'open'
            ? `The call takes ideas from ${state.period?.opensOn} to ${state.period?.closesOn}.`
            : `The call is ${state.status}; ideas are submitted to open calls only.`,
      });
    return state;
  }
}
