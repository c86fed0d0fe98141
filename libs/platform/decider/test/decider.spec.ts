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
    expect(given(course).when({ type: 'Open', capacity: 10 })).toEqual({
      accepted: true,
      events: [{ type: 'Opened', data: { capacity: 10 } }],
    });
  });

  it('given an open course, when opened again, then an invalid transition is reported', () => {
    const decision = given(course, [{ type: 'Opened', data: { capacity: 10 } }]).when({ type: 'Open', capacity: 5 });
    expect(decision).toEqual({
      accepted: false,
      rejection: { kind: 'invalid-transition', code: 'already-open', message: 'The course is already open.' },
    });
  });

  it('given a nearly full course, when overbooked, then a rule violation names the free places', () => {
    const decision = given(course, [
      { type: 'Opened', data: { capacity: 10 } },
      { type: 'Booked', data: { places: 8 } },
    ]).when({ type: 'Book', places: 3 });
    expect(decision).toMatchObject({ accepted: false, rejection: { kind: 'rule-violation', message: 'Only 2 places are free.' } });
  });
});
