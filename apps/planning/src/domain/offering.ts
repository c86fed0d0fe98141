import { EducationStage } from '@bildungsregion/contracts';
import { DomainEvent } from '@bildungsregion/decider';

export const OFFERING_KINDS = ['kurs', 'programm'] as const;
export type OfferingKind = (typeof OFFERING_KINDS)[number];

/** A course or programme (Angebot) some provider runs for a target group, for a time. */
export interface OfferingProfile {
  readonly title: string;
  readonly kind: OfferingKind;
  /** The actor that runs it, from the directory. */
  readonly providerId: string;
  readonly stage: EducationStage;
  readonly targetGroup: string;
  readonly places?: number;
  /** First and, if known, last day (ISO dates). */
  readonly startsOn: string;
  readonly endsOn?: string;
  /** The municipality it takes place in, or the district for offerings across it. */
  readonly regionKey: string;
}

export type OfferingChanges = Partial<Omit<OfferingProfile, 'providerId'>>;

export interface Offering {
  readonly status: 'none' | 'running' | 'ended';
  readonly profile?: OfferingProfile;
}

export type OfferingEvent =
  | DomainEvent<'OfferingRegistered', { offeringId: string; profile: OfferingProfile }>
  | DomainEvent<'OfferingChanged', { changes: OfferingChanges; reason: string }>
  | DomainEvent<'OfferingEnded', { reason: string }>;

export type OfferingCommand =
  | { readonly type: 'RegisterOffering'; readonly offeringId: string; readonly profile: OfferingProfile }
  | { readonly type: 'ChangeOffering'; readonly changes: OfferingChanges; readonly reason: string }
  | { readonly type: 'EndOffering'; readonly reason: string };
