import { DomainEvent } from '@bildungsregion/decider';

/** The roles a contact person has at their organisation. */
export const CONTACT_ROLES = [
  'leitung',
  'stellvertretende-leitung',
  'ansprechperson-bildungskoordination',
  'fachberatung',
  'geschaeftsfuehrung',
  'verwaltung',
] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/**
 * A contact person's name, e-mail and phone as the store keeps them: encrypted with a key of that
 * person alone, which lives outside the store (crypto-shredding). The domain never sees plaintext.
 */
export interface SealedData {
  readonly algorithm: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

/** A contact person (Ansprechperson) of an organisation. */
export interface Contact {
  readonly status: 'none' | 'active' | 'left' | 'erased';
  readonly actorId: string;
  readonly role: ContactRole;
  readonly personal?: SealedData;
}

export const initialContact: Contact = { status: 'none', actorId: '', role: 'leitung' };

export type ContactEvent =
  | DomainEvent<'ContactAdded', { contactId: string; actorId: string; role: ContactRole; personal: SealedData }>
  | DomainEvent<'ContactRoleChanged', { role: ContactRole; previousRole: ContactRole }>
  | DomainEvent<'ContactDetailsChanged', { personal: SealedData }>
  | DomainEvent<'ContactLeft', Record<string, never>>
  /** The person's key was destroyed; what was sealed with it can never be read again. */
  | DomainEvent<'ContactErased', { reference?: string }>;

export type ContactCommand =
  | {
      readonly type: 'AddContact';
      readonly contactId: string;
      readonly actorId: string;
      readonly role: ContactRole;
      readonly personal: SealedData;
    }
  | { readonly type: 'ChangeContact'; readonly role?: ContactRole; readonly personal?: SealedData }
  | { readonly type: 'RecordContactLeft'; readonly reason: string }
  /** An erasure request (Art. 17 DSGVO); `reference` is the office's file number of the request. */
  | { readonly type: 'EraseContact'; readonly reason: string; readonly reference?: string };
