import { Role } from '@bildungsregion/application';

/** A person who can sign in at the development identity provider. */
export interface DevelopmentAccount {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The actor an actor account speaks for: an id the sample goals name as a party. */
  readonly actorId?: string;
}

/** One account per role, and two actors that are parties to the sample goals. */
export const DEVELOPMENT_ACCOUNTS: readonly DevelopmentAccount[] = [
  { id: 'koordination', name: 'Bildungskoordination (Entwicklung)', role: 'coordinator' },
  { id: 'pruefung', name: 'Prüfung (Entwicklung)', role: 'auditor' },
  { id: 'administration', name: 'Administration (Entwicklung)', role: 'admin' },
  {
    id: 'kita-traeger',
    name: 'Akteur: Verbund der Kita-Träger (Entwicklung)',
    role: 'actor',
    actorId: 'kita-traeger-verbund',
  },
  {
    id: 'vhs',
    name: 'Akteur: VHS Osnabrücker Land (Entwicklung)',
    role: 'actor',
    actorId: 'vhs-osnabruecker-land',
  },
];

export function developmentAccount(id: string): DevelopmentAccount | undefined {
  return DEVELOPMENT_ACCOUNTS.find((account) => account.id === id);
}

/** The claims our services read: roles as a list, the actor id for actors, and a name to show. */
export function claimsOf(account: DevelopmentAccount): Record<string, unknown> {
  return {
    name: account.name,
    roles: [account.role],
    ...(account.actorId ? { actor_id: account.actorId } : {}),
  };
}
