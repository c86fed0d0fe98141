import { accept, Decider, DomainEvent, fold, given, invalidTransition, ruleViolation } from '../src';

type Opened = DomainEvent<'Opened', { capacity: number }>;
type Booked = DomainEvent<'Booked', { places: number }>;
type CourseEvent = Opened | Booked;
type CourseCommand = { type: 'Open'; capacity: number } | { type: 'Book'; places: number };
interface Course {
  open: boolean;
  free: number;
}

const course: Decider<CourseCommand, Course, CourseEvent> = {
  initialState: { open: false, free: 0 },
  decide(command, state) {
    switch (command.type) {
      case 'Open':
        return state.open
          ? invalidTransition('already-open', 'The course is already open.')
          : accept({ type: 'Opened', data: { capacity: command.capacity } });
      case 'Book':
        if (!state.open) return invalidTransition('not-open', 'The course is not open for booking.');
        if (command.places === 0) return accept();
        if (command.places > state.free) {
          return ruleViolation('over-capacity', `Only ${state.free} places are free.`);
        }
        return accept({ type: 'Booked', data: { places: command.places } });
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Opened':
        return { open: true, free: event.data.capacity };
      case 'Booked':
        return { ...state, free: state.free - event.data.places };
    }
  },
};

describe('decider', () => {
  it('folds events in order from the initial state', () => {
    const state = fold(course, [
      { type: 'Opened', data: { capacity: 20 } },
      { type: 'Booked', data: { places: 5 } },
      { type: 'Booked', data: { places: 3 } },
    ]);
    expect(state).toEqual({ open: true, free: 12 });
  });

  it('given no history, when opened, then the course opens', () => {
    given(course)
      .when({ type: 'Open', capacity: 10 })
      .then([{ type: 'Opened', data: { capacity: 10 } }]);
  });

  it('given an open course, when opened again, then an invalid transition is reported with its message', () => {
    const spec = given(course, [{ type: 'Opened', data: { capacity: 10 } }]).when({ type: 'Open', capacity: 5 });
    spec.thenRejects('invalid-transition', 'already-open');
    expect(spec.decision).toEqual({
      accepted: false,
      rejection: { kind: 'invalid-transition', code: 'already-open', message: 'The course is already open.' },
    });
  });

  it('given a nearly full course, when booked, then the state shows the free places', () => {
    given(course, [
      { type: 'Opened', data: { capacity: 10 } },
      { type: 'Booked', data: { places: 8 } },
    ])
      .when({ type: 'Book', places: 2 })
      .thenState({ open: true, free: 0 });
  });

  it('given an open course, when no places are booked, then nothing happened', () => {
    given(course, [{ type: 'Opened', data: { capacity: 10 } }])
      .when({ type: 'Book', places: 0 })
      .thenNothingHappened();
  });
});

describe('decider specification', () => {
  const open = given(course).when({ type: 'Open', capacity: 10 });
  const overbooked = given(course, [{ type: 'Opened', data: { capacity: 1 } }]).when({ type: 'Book', places: 3 });

  it('fails when the events differ', () => {
    expect(() => open.then([{ type: 'Opened', data: { capacity: 11 } }])).toThrow(/capacity/);
  });

  it('fails when an expected acceptance was rejected, and says why', () => {
    expect(() => overbooked.then([])).toThrow(
      'it was rejected: rule-violation over-capacity (Only 1 places are free.)',
    );
    expect(() => overbooked.thenNothingHappened()).toThrow(/rejected/);
    expect(() => overbooked.thenState({ open: true, free: 1 })).toThrow(/rejected/);
  });

  it('fails when an expected rejection was accepted or has another code', () => {
    expect(() => open.thenRejects('invalid-transition', 'already-open')).toThrow(/it was accepted with/);
    expect(() => overbooked.thenRejects('rule-violation', 'not-open')).toThrow(/not-open/);
    expect(() => overbooked.thenRejects('invalid-transition', 'over-capacity')).toThrow(/invalid-transition/);
  });

  it('fails when events were recorded but none were expected, or the state differs', () => {
    expect(() => open.thenNothingHappened()).toThrow();
    expect(() => open.thenState({ open: true, free: 9 })).toThrow(/free/);
  });
});
