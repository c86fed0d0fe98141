import { DomainEvent } from '@bildungsregion/decider';
import { CapacityChange, KitaAgeGroup } from './capacity';

/** The kinds of institution the regional plan counts. */
export const INSTITUTION_TYPES = [
  'krippe',
  'kindergarten',
  'hort',
  'kita',
  'grundschule',
  'oberschule',
  'hauptschule',
  'realschule',
  'gymnasium',
  'gesamtschule',
  'foerderschule',
  'bbs',
  'vhs',
  'weiterbildungstraeger',
  'hochschule',
] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** Types whose capacity is counted in classes per year group rather than approved Kita places. */
export const SCHOOL_TYPES: readonly InstitutionType[] = [
  'grundschule',
  'oberschule',
  'hauptschule',
  'realschule',
  'gymnasium',
  'gesamtschule',
  'foerderschule',
];

/** Types whose capacity is counted in approved places per Kita age group. */
export const KITA_TYPES: readonly InstitutionType[] = ['krippe', 'kindergarten', 'hort', 'kita'];

export interface InstitutionProfile {
  readonly name: string;
  readonly type: InstitutionType;
  /** The municipality (AGS) it sits in. */
  readonly regionKey: string;
  /** The Ortslage within the municipality, where the office plans by Ortslage. */
  readonly locality?: string;
  /** The actor (Träger) that runs it, from the directory. */
  readonly operatorId: string;
}

/** Occupied places per Kita age group on a reference date (1 October for § 21 NKiTaG). */
export interface Occupancy {
  readonly referenceDate: string;
  readonly occupied: Partial<Record<KitaAgeGroup, number>>;
}

export interface Institution {
  readonly status: 'none' | 'open' | 'closed';
  readonly profile?: InstitutionProfile;
  readonly capacity: readonly CapacityChange[];
  readonly occupancy: readonly Occupancy[];
  readonly closedFrom?: string;
}

export const initialInstitution: Institution = { status: 'none', capacity: [], occupancy: [] };

export type InstitutionEvent =
  | DomainEvent<'InstitutionRegistered', { institutionId: string; profile: InstitutionProfile }>
  | DomainEvent<'InstitutionCapacityChanged', CapacityChange & { reason: string }>
  | DomainEvent<'InstitutionOccupancyReported', Occupancy>
  | DomainEvent<'InstitutionClosed', { closedFrom: string; reason: string }>;

export type InstitutionCommand =
  | { readonly type: 'RegisterInstitution'; readonly institutionId: string; readonly profile: InstitutionProfile }
  | { readonly type: 'ChangeCapacity'; readonly change: CapacityChange; readonly reason: string }
  | { readonly type: 'ReportOccupancy'; readonly occupancy: Occupancy }
  | { readonly type: 'CloseInstitution'; readonly closedFrom: string; readonly reason: string };
