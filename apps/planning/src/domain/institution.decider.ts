import { accept, Decider, invalidTransition, ruleViolation, unknownCommand } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';
import { CapacityChange, capacityOn, KITA_AGE_GROUPS } from './capacity';
import {
  initialInstitution,
  Institution,
  InstitutionCommand,
  InstitutionEvent,
  InstitutionProfile,
  InstitutionType,
  KITA_TYPES,
  Occupancy,
  SCHOOL_TYPES,
} from './institution';
import { Rejected, requireName, requireReason, requireRegion } from './rules';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function requireDate(field: string, day: string): Rejected | undefined {
  // A day that does not exist (30 February) parses, but into another day.
  const parsed = new Date(`${day}T00:00:00Z`);
  return ISO_DATE.test(day) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(day)
    ? undefined
    : ruleViolation('date-invalid', `${field} ${day} is not a date (YYYY-MM-DD).`);
}

function requireOpen(institution: Institution): Rejected | undefined {
  if (institution.status === 'none')
    return invalidTransition('institution-not-found', 'There is no institution with this id; register it first.');
  return institution.status === 'closed'
    ? invalidTransition('institution-closed', `The institution closed on ${institution.closedFrom}.`)
    : undefined;
}

function register(district: District, profile: InstitutionProfile, institutionId: string, institution: Institution) {
  if (institution.status !== 'none')
    return invalidTransition('institution-exists', `An institution with the id ${institutionId} exists already.`);
  if (profile.regionKey === district.region.key)
    return ruleViolation('municipality-required', 'An institution sits in one municipality, not the whole district.');
  return (
    requireName(profile.name) ??
    requireRegion(district, profile.regionKey) ??
    accept<InstitutionEvent>({ type: 'InstitutionRegistered', data: { institutionId, profile } })
  );
}

/** Kita places only for Kita types, streams only for schools; of-them figures within the approved places. */
function checkCapacity(type: InstitutionType, change: CapacityChange): Rejected | undefined {
  const groups = Object.keys(change.places);
  const school = SCHOOL_TYPES.includes(type);
  if (!school && !KITA_TYPES.includes(type))
    return ruleViolation(
      'capacity-not-planned',
      `The capacity plan counts no places of a ${type}; record offerings instead.`,
    );
  if (school && groups.length > 0)
    return ruleViolation('places-for-school', 'A school has streams and classes, not approved Kita places.');
  if (!school && (change.streams !== undefined || change.classesPerYearGroup !== undefined))
    return ruleViolation('streams-for-kita', 'A Kita has approved places per age group, not streams.');
  if (school && change.streams === undefined)
    return ruleViolation('streams-required', 'Give the number of parallel classes per year group (Züge).');
  if (!school && groups.length === 0)
    return ruleViolation('places-required', 'Give the approved places of at least one age group.');
  for (const group of KITA_AGE_GROUPS) {
    const places = change.places[group];
    if (places && (places.overSevenHours > places.approved || places.integration > places.approved))
      return ruleViolation(
        'places-inconsistent',
        `Of the ${places.approved} approved ${group} places, places over seven hours and integration places cannot be more.`,
      );
  }
  return undefined;
}

function changeCapacity(change: CapacityChange, reason: string, institution: Institution) {
  const profile = institution.profile as InstitutionProfile;
  const rejected =
    requireOpen(institution) ??
    requireDate('The day the capacity holds from', change.effectiveFrom) ??
    requireReason(reason) ??
    checkCapacity(profile.type, change);
  if (rejected) return rejected;
  const current = capacityOn(institution.capacity, change.effectiveFrom);
  const same = current?.effectiveFrom === change.effectiveFrom && JSON.stringify(current) === JSON.stringify(change);
  return same
    ? accept<InstitutionEvent>()
    : accept<InstitutionEvent>({ type: 'InstitutionCapacityChanged', data: { ...change, reason } });
}

function reportOccupancy(occupancy: Occupancy, institution: Institution) {
  const rejected = requireOpen(institution) ?? requireDate('The reference date', occupancy.referenceDate);
  if (rejected) return rejected;
  const capacity = capacityOn(institution.capacity, occupancy.referenceDate);
  for (const group of KITA_AGE_GROUPS) {
    if ((occupancy.occupied[group] ?? 0) > 0 && !capacity?.places[group])
      return ruleViolation(
        'occupancy-without-places',
        `There are no approved ${group} places on ${occupancy.referenceDate}; record the capacity first.`,
      );
  }
  return accept<InstitutionEvent>({ type: 'InstitutionOccupancyReported', data: occupancy });
}

export function institutionDecider(district: District): Decider<InstitutionCommand, Institution, InstitutionEvent> {
  return {
    initialState: initialInstitution,
    decide: (command, institution) => {
      switch (command.type) {
        case 'RegisterInstitution':
          return register(district, command.profile, command.institutionId, institution);
        case 'ChangeCapacity':
          return changeCapacity(command.change, command.reason, institution);
        case 'ReportOccupancy':
          return reportOccupancy(command.occupancy, institution);
        case 'CloseInstitution':
          return (
            requireOpen(institution) ??
            requireDate('The closing day', command.closedFrom) ??
            requireReason(command.reason) ??
            accept({ type: 'InstitutionClosed', data: { closedFrom: command.closedFrom, reason: command.reason } })
          );
        default:
          return unknownCommand(command);
      }
    },
    evolve: evolveInstitution,
  };
}

export function evolveInstitution(institution: Institution, event: InstitutionEvent): Institution {
  switch (event.type) {
    case 'InstitutionRegistered':
      return { ...institution, status: 'open', profile: event.data.profile };
    case 'InstitutionCapacityChanged': {
      const { reason, ...change } = event.data;
      return { ...institution, capacity: [...institution.capacity, change] };
    }
    case 'InstitutionOccupancyReported':
      return {
        ...institution,
        occupancy: [
          ...institution.occupancy.filter((entry) => entry.referenceDate !== event.data.referenceDate),
          event.data,
        ],
      };
    case 'InstitutionClosed':
      return { ...institution, status: 'closed', closedFrom: event.data.closedFrom };
  }
}
