import { DomainEvent } from '@bildungsregion/decider';

/** The kinds of organisation the office works with. */
export const ORGANISATION_TYPES = [
  'traeger',
  'schule',
  'kita',
  'kammer',
  'agentur-fuer-arbeit',
  'vhs',
  'bildungsbuero',
  'verwaltung',
  'unternehmen',
  'verein',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export interface Address {
  readonly street: string;
  readonly postalCode: string;
  readonly town: string;
}

/** What the directory says of an organisation; none of it is personal data. */
export interface OrganisationProfile {
  readonly name: string;
  readonly type: OrganisationType;
  /** The municipality (AGS) it sits in, or the district for county-wide bodies. */
  readonly regionKey: string;
  readonly address?: Address;
}

export type OrganisationDetails = Partial<Pick<OrganisationProfile, 'type' | 'regionKey' | 'address'>>;

/** An organisation (Akteur) of the directory; its id is the one goals and ideas use for parties and submitters. */
export interface Organisation {
  readonly status: 'none' | 'active' | 'retired';
  readonly profile?: OrganisationProfile;
}

export const initialOrganisation: Organisation = { status: 'none' };

export type OrganisationEvent =
  | DomainEvent<'OrganisationRegistered', { actorId: string; profile: OrganisationProfile }>
  | DomainEvent<'OrganisationRenamed', { name: string; previousName: string }>
  | DomainEvent<'OrganisationDetailsChanged', { changes: OrganisationDetails }>
  | DomainEvent<'OrganisationRetired', Record<string, never>>;

export type OrganisationCommand =
  | { readonly type: 'RegisterOrganisation'; readonly actorId: string; readonly profile: OrganisationProfile }
  | { readonly type: 'RenameOrganisation'; readonly name: string; readonly reason: string }
  | { readonly type: 'ChangeOrganisationDetails'; readonly changes: OrganisationDetails }
  | { readonly type: 'RetireOrganisation'; readonly reason: string };
