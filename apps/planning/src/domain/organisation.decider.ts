import { accept, Decider, Decision, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import {
  initialOrganisation,
  Organisation,
  OrganisationCommand,
  OrganisationDetails,
  OrganisationEvent,
  OrganisationProfile,
} from './organisation';
import { Rejected, requireName, requireReason, requireRegion } from './rules';

/** Actor ids are the words goals and ideas already use: lower case, digits and dashes. */
export const ACTOR_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function requireActive(organisation: Organisation): Rejected | undefined {
  if (organisation.status === 'none')
    return invalidTransition('organisation-not-found', 'There is no organisation with this id; register it first.');
  return organisation.status === 'retired'
    ? invalidTransition('organisation-retired', 'The organisation is retired; its entry is kept for the record.')
    : undefined;
}

function checkDetails(district: District, details: OrganisationDetails): Rejected | undefined {
  if (details.regionKey !== undefined) {
    const outside = requireRegion(district, details.regionKey);
    if (outside) return outside;
  }
  const address = details.address;
  if (address && !/^\d{5}$/.test(address.postalCode))
    return ruleViolation('postal-code-invalid', `The postal code ${address.postalCode} is not five digits.`);
  return address && (address.street.trim() === '' || address.town.trim() === '')
    ? ruleViolation('address-incomplete', 'An address needs street, postal code and town.')
    : undefined;
}

function register(district: District, actorId: string, profile: OrganisationProfile, organisation: Organisation) {
  if (organisation.status !== 'none')
    return invalidTransition('organisation-exists', `An organisation with the id ${actorId} is registered already.`);
  if (!ACTOR_ID_PATTERN.test(actorId))
    return ruleViolation('actor-id-invalid', `The id ${actorId} may hold only lower-case letters, digits and dashes.`);
  return (
    requireName(profile.name) ??
    checkDetails(district, profile) ??
    accept<OrganisationEvent>({ type: 'OrganisationRegistered', data: { actorId, profile } })
  );
}

function rename(name: string, reason: string, organisation: Organisation): Decision<OrganisationEvent> {
  const rejected = requireActive(organisation) ?? requireName(name) ?? requireReason(reason);
  if (rejected) return rejected;
  const previousName = organisation.profile?.name ?? '';
  return name === previousName ? accept() : accept({ type: 'OrganisationRenamed', data: { name, previousName } });
}

/** Only the fields that differ are recorded; a change that changes nothing records nothing. */
function changeDetails(district: District, changes: OrganisationDetails, organisation: Organisation) {
  const rejected = requireActive(organisation) ?? checkDetails(district, changes);
  if (rejected) return rejected;
  const current = organisation.profile as OrganisationProfile;
  const differing = Object.fromEntries(
    Object.entries(changes).filter(
      ([field, value]) => JSON.stringify(current[field as keyof OrganisationDetails]) !== JSON.stringify(value),
    ),
  ) as OrganisationDetails;
  return Object.keys(differing).length === 0
    ? accept<OrganisationEvent>()
    : accept<OrganisationEvent>({ type: 'OrganisationDetailsChanged', data: { changes: differing } });
}

export function organisationDecider(district: District): Decider<OrganisationCommand, Organisation, OrganisationEvent> {
  return {
    initialState: initialOrganisation,
    decide: (command, organisation) => {
      switch (command.type) {
        case 'RegisterOrganisation':
          return register(district, command.actorId, command.profile, organisation);
        case 'RenameOrganisation':
          return rename(command.name, command.reason, organisation);
        case 'ChangeOrganisationDetails':
          return changeDetails(district, command.changes, organisation);
        case 'RetireOrganisation':
          return (
            requireActive(organisation) ??
            requireReason(command.reason) ??
            accept({ type: 'OrganisationRetired', data: {} })
          );
        default:
          return unknownCommand(command);
      }
    },
    evolve: evolveOrganisation,
  };
}

export function evolveOrganisation(organisation: Organisation, event: OrganisationEvent): Organisation {
  const profile = organisation.profile as OrganisationProfile;
  switch (event.type) {
    case 'OrganisationRegistered':
      return { status: 'active', profile: event.data.profile };
    case 'OrganisationRenamed':
      return { ...organisation, profile: { ...profile, name: event.data.name } };
    case 'OrganisationDetailsChanged':
      return { ...organisation, profile: { ...profile, ...event.data.changes } };
    case 'OrganisationRetired':
      return { ...organisation, status: 'retired' };
  }
}
