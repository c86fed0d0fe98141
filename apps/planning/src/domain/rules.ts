import { Decision, ruleViolation } from '@bildungsregion/decider';
import { District } from '@bildungsregion/reference-data';

export type Rejected = Decision<never>;

export function requireReason(reason: string): Rejected | undefined {
  return reason.trim() === ''
    ? ruleViolation('reason-required', 'Give a reason; it is kept in the audit trail.')
    : undefined;
}

export function requireName(name: string): Rejected | undefined {
  return name.trim() === '' ? ruleViolation('name-required', 'Give a name.') : undefined;
}

/** The district itself (for county-wide bodies) or one of its municipalities. */
export function requireRegion(district: District, regionKey: string): Rejected | undefined {
  return district.regionOf(regionKey)
    ? undefined
    : ruleViolation('region-unknown', `The ${district.outside(regionKey)}.`);
}
