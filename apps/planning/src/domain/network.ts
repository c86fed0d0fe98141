import { DomainEvent } from '@bildungsregion/decider';

/** A Netzwerk works together on a theme; a Gremium is a body that decides or advises (steering group, conference). */
export const NETWORK_KINDS = ['netzwerk', 'gremium'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const MEMBER_ROLES = ['vorsitz', 'geschaeftsstelle', 'mitglied', 'beratend'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** A network or body of organisations, with the role each member has in it. */
export interface Network {
  readonly status: 'none' | 'active' | 'dissolved';
  readonly name: string;
  readonly kind: NetworkKind;
  readonly purpose: string;
  /** Role by member organisation (actor id). */
  readonly members: Readonly<Record<string, MemberRole>>;
}

export const initialNetwork: Network = { status: 'none', name: '', kind: 'netzwerk', purpose: '', members: {} };

export type NetworkEvent =
  | DomainEvent<'NetworkFormed', { networkId: string; name: string; kind: NetworkKind; purpose: string }>
  | DomainEvent<'NetworkRenamed', { name: string; previousName: string }>
  | DomainEvent<'MemberAdmitted', { actorId: string; role: MemberRole }>
  | DomainEvent<'MemberRoleChanged', { actorId: string; role: MemberRole; previousRole: MemberRole }>
  | DomainEvent<'MemberLeft', { actorId: string }>
  | DomainEvent<'NetworkDissolved', Record<string, never>>;

export type NetworkCommand =
  | {
      readonly type: 'FormNetwork';
      readonly networkId: string;
      readonly name: string;
      readonly kind: NetworkKind;
      readonly purpose: string;
    }
  | { readonly type: 'RenameNetwork'; readonly name: string; readonly reason: string }
  /** Admits an organisation, or changes the role of one that is a member already. */
  | { readonly type: 'AdmitMember'; readonly actorId: string; readonly role: MemberRole }
  | { readonly type: 'RemoveMember'; readonly actorId: string; readonly reason: string }
  | { readonly type: 'DissolveNetwork'; readonly reason: string };
