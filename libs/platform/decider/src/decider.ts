/**
 * A domain event as the decider sees it: what happened, without any storage envelope.
 * Envelopes (ids, revisions, hashes, actors) belong to the event store.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/**
 * Why a command was refused. The kind tells the HTTP layer what to answer:
 * an `invalid-transition` conflicts with the current lifecycle state (409),
 * a `rule-violation` is a well-formed command that breaks a business rule (422).
 */
export interface Rejection {
  readonly kind: 'invalid-transition' | 'rule-violation';
  readonly code: string;
  readonly message: string;
}

export type Decision<Event extends DomainEvent> =
  | { readonly accepted: true; readonly events: readonly Event[] }
  | { readonly accepted: false; readonly rejection: Rejection };

/**
 * An aggregate as a pair of pure functions: `decide` turns a command and the current state into
 * events (or a rejection), `evolve` folds one event into the state.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: State;
  decide(command: Command, state: State): Decision<Event>;
  evolve(state: State, event: Event): State;
  /**
   * Optional: folds many events at once, for aggregates whose one-by-one fold would copy a growing
   * collection on every event. It must give the same state as `evolve` applied to each event.
   */
  evolveAll?(state: State, events: readonly Event[]): State;
}

export function accept<Event extends DomainEvent>(...events: Event[]): Decision<Event> {
  return { accepted: true, events };
}

export function invalidTransition(code: string, message: string): Decision<never> {
  return { accepted: false, rejection: { kind: 'invalid-transition', code, message } };
}

export function ruleViolation(code: string, message: string): Decision<never> {
  return { accepted: false, rejection: { kind: 'rule-violation', code, message } };
}

/** The state after the events, starting from `from` (default: the initial state). */
export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<unknown, State, Event>, 'initialState' | 'evolve' | 'evolveAll'>,
  events: Iterable<Event>,
  from: State = decider.initialState,
): State {
  if (decider.evolveAll) return decider.evolveAll(from, [...events]);
  let state = from;
  for (const event of events) {
    state = decider.evolve(state, event);
  }
  return state;
}

/**
 * The `default` branch of a `decide` that dispatches on `command.type`: it does not compile while a
 * command type has no branch, and refuses a command that bypassed the types.
 */
export function unknownCommand(command: never): never {
  throw new Error(`No decision for the command ${JSON.stringify((command as { type?: unknown }).type)}.`);
}
