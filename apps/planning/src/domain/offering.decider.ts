import { accept, Decider, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { Offering, OfferingChanges, OfferingCommand, OfferingEvent, OfferingProfile } from './offering';
import { Rejected, requireReason, requireRegion } from './rules';

function requireRunning(offering: Offering): Rejected | undefined {
  if (offering.status === 'none')
    return invalidTransition('offering-not-found', 'There is no offering with this id; register it first.');
  return offering.status === 'ended' ? invalidTransition('offering-ended', 'The offering has ended.') : undefined;
}

function checkProfile(district: District, profile: OfferingProfile): Rejected | undefined {
  if (profile.title.trim() === '') return ruleViolation('title-required', 'Give the offering a title.');
  if (profile.endsOn !== undefined && profile.endsOn < profile.startsOn)
    return ruleViolation(
      'period-reversed',
      `The last day ${profile.endsOn} is before the first day ${profile.startsOn}.`,
    );
  return requireRegion(district, profile.regionKey);
}

function change(district: District, changes: OfferingChanges, reason: string, offering: Offering) {
  const rejected = requireRunning(offering) ?? requireReason(reason);
  if (rejected) return rejected;
  const current = offering.profile as OfferingProfile;
  const differing = Object.fromEntries(
    Object.entries(changes).filter(([field, value]) => current[field as keyof OfferingChanges] !== value),
  ) as OfferingChanges;
  if (Object.keys(differing).length === 0) return accept<OfferingEvent>();
  return (
    checkProfile(district, { ...current, ...differing }) ??
    accept<OfferingEvent>({ type: 'OfferingChanged', data: { changes: differing, reason } })
  );
}

/** An offering (Angebot): registered with its provider, changed with a reason, ended. */
export function offeringDecider(district: District): Decider<OfferingCommand, Offering, OfferingEvent> {
  return {
    initialState: { status: 'none' },
    decide: (command, offering) => {
      switch (command.type) {
        case 'RegisterOffering':
          if (offering.status !== 'none')
            return invalidTransition(
              'offering-exists',
              `An offering with the id ${command.offeringId} exists already.`,
            );
          return (
            checkProfile(district, command.profile) ??
            accept({ type: 'OfferingRegistered', data: { offeringId: command.offeringId, profile: command.profile } })
          );
        case 'ChangeOffering':
          return change(district, command.changes, command.reason, offering);
        case 'EndOffering':
          return (
            requireRunning(offering) ??
            requireReason(command.reason) ??
            accept({ type: 'OfferingEnded', data: { reason: command.reason } })
          );
        default:
          return unknownCommand(command);
      }
    },
    evolve: (offering, event) => {
      switch (event.type) {
        case 'OfferingRegistered':
          return { status: 'running', profile: event.data.profile };
        case 'OfferingChanged':
          return { ...offering, profile: { ...(offering.profile as OfferingProfile), ...event.data.changes } };
        case 'OfferingEnded':
          return { ...offering, status: 'ended' };
      }
    },
  };
}
