import { deepStrictEqual } from 'node:assert/strict';
import { Decider, Decision, DomainEvent, fold, Rejection } from './decider';

/** What a spec asserts once the command was decided; each throws with the decision when it does not hold. */
export interface Then<State, Event extends DomainEvent> {
  /** The command was accepted and recorded exactly these events, in this order. */
  then(events: readonly Event[]): void;
  /** The command was refused with this kind and code. */
  thenRejects(kind: Rejection['kind'], code: string): void;
  /** The command was accepted and recorded nothing (it was already in effect). */
  thenNothingHappened(): void;
  /** The command was accepted and the state after the given and the new events is this one. */
  thenState(state: State): void;
  /** The raw decision, for what the assertions above do not cover. */
  readonly decision: Decision<Event>;
  /** The state after the given events and the accepted ones, for partial checks; throws on a rejection. */
  readonly state: State;
}

export interface When<Command, State, Event extends DomainEvent> {
  when(command: Command): Then<State, Event>;
}

function describeDecision(decision: Decision<DomainEvent>): string {
  return decision.accepted
    ? `it was accepted with ${JSON.stringify(decision.events)}`
    : `it was rejected: ${decision.rejection.kind} ${decision.rejection.code} (${decision.rejection.message})`;
}

function acceptedEvents<Event extends DomainEvent>(decision: Decision<Event>, expected: string): readonly Event[] {
  if (!decision.accepted) throw new Error(`Expected ${expected}, but ${describeDecision(decision)}.`);
  return decision.events;
}

/**
 * Given-when-then for deciders, read as a sentence:
 * `given(decider, pastEvents).when(command).then(newEvents)`, `.thenRejects(kind, code)`,
 * `.thenNothingHappened()` or `.thenState(state)`. The state is folded by the decider itself.
 */
export function given<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
  pastEvents: readonly Event[] = [],
): When<Command, State, Event> {
  const state = fold(decider, pastEvents);
  return {
    when(command) {
      const decision = decider.decide(command, state);
      return {
        decision,
        get state() {
          return fold(decider, acceptedEvents(decision, 'a new state'), state);
        },
        then(events) {
          deepStrictEqual(acceptedEvents(decision, `the events ${JSON.stringify(events)}`), events);
        },
        thenRejects(kind, code) {
          if (decision.accepted)
            throw new Error(`Expected a rejection ${kind} ${code}, but ${describeDecision(decision)}.`);
          deepStrictEqual({ kind: decision.rejection.kind, code: decision.rejection.code }, { kind, code });
        },
        thenNothingHappened() {
          deepStrictEqual(acceptedEvents(decision, 'no new events'), []);
        },
        thenState(expected) {
          deepStrictEqual(this.state, expected);
        },
      };
    },
  };
}
