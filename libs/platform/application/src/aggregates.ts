import { Decider, DomainEvent } from '@bildungsregion/decider';
import {
  AsOf,
  CommandHandler,
  EventStore,
  HistoryEntry,
  LoadedState,
  Page,
  readHistoryPage,
  RecordedEvent,
  StreamCategory,
  StoreVerification,
  StreamVerification,
  Upcasters,
  verifyAllStreams,
  verifyStream,
} from '@bildungsregion/event-store';
import { commandContextOf, CommandRequest } from './command-request';
import { CommandRejectedError, NotFoundError, StaleRevisionError } from './errors';

/** What a command did: the aggregate's revision after it (its new ETag) and what was recorded. */
export interface CommandOutcome {
  readonly id: string;
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

export interface AggregatesOptions<Command, State, Event extends DomainEvent> {
  readonly store: EventStore;
  readonly decider: Decider<Command, State, Event>;
  readonly category: StreamCategory;
  /** The service recording the events. */
  readonly source: string;
  /** How messages name one aggregate: "goal", "indicator". */
  readonly noun: string;
  readonly upcasters?: Upcasters;
}

function asOfWords(asOf: AsOf): string {
  return [
    asOf.recordedAsOf && `as recorded by ${String(asOf.recordedAsOf)}`,
    asOf.effectiveAsOf && `as effective on ${String(asOf.effectiveAsOf)}`,
  ]
    .filter(Boolean)
    .map((words) => ` ${String(words)}`)
    .join(' and');
}

/**
 * One kind of aggregate as the application uses it: commands by id through its decider, with one
 * translation of every outcome (rejected, stale If-Match, missing) into application errors; and the
 * reads every aggregate has (state as of a time, history pages, chain verification).
 */
export class Aggregates<Command, State, Event extends DomainEvent> {
  readonly handler: CommandHandler<Command, State, Event>;
  private readonly notFoundCode: string;

  constructor(private readonly options: AggregatesOptions<Command, State, Event>) {
    this.handler = new CommandHandler(options.store, options.decider, {
      source: options.source,
      ...(options.upcasters ? { upcasters: options.upcasters } : {}),
    });
    this.notFoundCode = `${options.category.name}-not-found`;
  }

  streamId(id: string): string {
    return this.options.category.streamId(id);
  }

  notFound(id: string, asOf: AsOf = {}): NotFoundError {
    const noun = this.options.noun;
    return new NotFoundError(
      `There is no ${noun} ${id}${asOfWords(asOf)}.`,
      this.notFoundCode,
      `${noun.charAt(0).toUpperCase()}${noun.slice(1)} not found`,
    );
  }

  /**
   * Decides and records a command. A command that `creates` the aggregate expects no stream yet, and
   * meeting one is the rejection it names; it takes no If-Match. The decider's `<category>-not-found` rejection is a 404.
   */
  async execute(
    id: string,
    command: Command,
    request: CommandRequest,
    options: {
      readonly creates?: { readonly code: string; readonly message: string };
      /** The request names the aggregate in its body, not its path: a missing one is a broken rule (422), not a 404. */
      readonly namedInBody?: true;
    } = {},
  ): Promise<CommandOutcome> {
    if (options.creates && request.expectedRevision !== undefined) {
      throw new CommandRejectedError({
        kind: 'invalid-transition',
        code: 'if-match-on-create',
        message: `If-Match names a revision of an existing ${this.options.noun}; creating one needs none, so send the request without it.`,
      });
    }
    const context = commandContextOf(request);
    const result = await this.handler.handle(
      this.streamId(id),
      command,
      options.creates ? { ...context, expectedRevision: 'no-stream' } : context,
    );
    if (result.outcome === 'conflict') {
      if (options.creates) throw new CommandRejectedError({ kind: 'invalid-transition', ...options.creates });
      if (result.actualRevision === null) throw this.missing(id, options.namedInBody);
      throw new StaleRevisionError(this.options.noun, result.expectedRevision, result.actualRevision);
    }
    if (result.outcome === 'rejected') {
      if (result.rejection.code === this.notFoundCode) throw this.missing(id, options.namedInBody);
      throw new CommandRejectedError(result.rejection);
    }
    return { id, revision: result.revision as number, events: result.events };
  }

  private missing(id: string, namedInBody: true | undefined): Error {
    if (!namedInBody) return this.notFound(id);
    const { name } = this.options.category;
    return new CommandRejectedError({
      kind: 'rule-violation',
      code: `unknown-${name}`,
      message: `There is no ${this.options.noun} ${id}.`,
    });
  }

  /** The latest state, or the decider's initial state with revision null when the aggregate does not exist. */
  current(id: string): Promise<LoadedState<State>> {
    return this.handler.load(this.streamId(id));
  }

  /** The state now, as recorded by a past time and/or as effective on a past date, or right after a revision; 404 when there is none. */
  async load(id: string, asOf: AsOf = {}): Promise<LoadedState<State> & { readonly revision: number }> {
    const loaded = await this.handler.load(this.streamId(id), asOf);
    if (loaded.revision === null) throw this.notFound(id, asOf);
    return { state: loaded.state, revision: loaded.revision, integrity: loaded.integrity };
  }

  async history(id: string, page: { readonly offset: number; readonly limit: number }): Promise<Page<HistoryEntry>> {
    const history = await readHistoryPage(this.options.store, this.streamId(id), page);
    if (!history) throw this.notFound(id);
    return history;
  }

  async verify(id: string): Promise<StreamVerification> {
    if ((await this.options.store.lastRevision(this.streamId(id))) === null) throw this.notFound(id);
    return verifyStream(this.options.store, this.streamId(id));
  }

  /** Verifies the hash chain of every aggregate of this kind. */
  verifyAll(): Promise<StoreVerification> {
    return verifyAllStreams(this.options.store, { categories: [this.options.category.name] });
  }
}
