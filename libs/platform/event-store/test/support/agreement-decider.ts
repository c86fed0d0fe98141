import { accept, Decider, DomainEvent, invalidTransition, ruleViolation } from '@bildungsregion/decider';

/** A cut-down target agreement, just rich enough to exercise the command side. */
export type AgreementEvent =
  | DomainEvent<'Drafted', { title: string; target: number }>
  | DomainEvent<'TargetRevised', { target: number }>
  | DomainEvent<'Agreed', Record<string, never>>;

export type AgreementCommand =
  { type: 'Draft'; title: string; target: number } | { type: 'Revise'; target: number } | { type: 'Agree' };

export interface Agreement {
  status: 'none' | 'draft' | 'agreed';
  title?: string;
  target?: number;
  revisions: number;
}

export const agreementDecider: Decider<AgreementCommand, Agreement, AgreementEvent> = {
  initialState: { status: 'none', revisions: 0 },
  decide(command, state) {
    switch (command.type) {
      case 'Draft':
        if (state.status !== 'none')
          return invalidTransition('already-drafted', 'This agreement has already been drafted.');
        return accept({ type: 'Drafted', data: { title: command.title, target: command.target } });
      case 'Revise':
        if (state.status === 'none') return invalidTransition('not-drafted', 'Draft the agreement before revising it.');
        if (command.target === state.target)
          return ruleViolation('target-unchanged', 'The new target equals the current one.');
        return accept({ type: 'TargetRevised', data: { target: command.target } });
      case 'Agree':
        if (state.status !== 'draft')
          return invalidTransition('not-a-draft', `An agreement in status ${state.status} cannot be agreed.`);
        return accept({ type: 'Agreed', data: {} });
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'Drafted':
        return { ...state, status: 'draft', title: event.data.title, target: event.data.target };
      case 'TargetRevised':
        return { ...state, target: event.data.target, revisions: state.revisions + 1 };
      case 'Agreed':
        return { ...state, status: 'agreed' };
    }
  },
};
