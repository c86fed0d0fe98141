import { AccessDeniedError, Principal, ServiceActor } from '@bildungsregion/application';
import { Goal, GoalCommand } from '../domain/goal';

export function isPartyTo(principal: Principal, goal: Goal): boolean {
  return goal.terms?.parties.some((party) => party.id === principal.id) ?? false;
}

/** Actors see the goals they are party to; every other role sees every goal. */
export function assertMayRead(principal: Principal, goal: Goal): void {
  if (principal.role === 'actor' && !isPartyTo(principal, goal)) {
    throw new AccessDeniedError(
      `${principal.id} is not a party to this goal; actors see only the goals they are party to.`,
    );
  }
}

/** Actors record their own consent and progress on goals they are party to; everything else is a coordinator's. */
export function assertMayCommand(principal: Principal | ServiceActor, goal: Goal, command: GoalCommand): void {
  if (principal.role !== 'actor') return;
  if (!isPartyTo(principal, goal))
    throw new AccessDeniedError(`${principal.id} is not a party to this goal, so it cannot act on it.`);
  if (command.type === 'RecordConsent' && command.partyId !== principal.id) {
    throw new AccessDeniedError(`An actor consents only for itself (${principal.id}), not for ${command.partyId}.`);
  }
  if (command.type !== 'RecordConsent' && command.type !== 'RecordProgress') {
    throw new AccessDeniedError('Actors record consent and progress; every other change is made by a coordinator.');
  }
}
