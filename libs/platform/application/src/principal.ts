export const ROLES = ['coordinator', 'auditor', 'actor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. For an actor, `id` is the actor's id (the party id in agreements). */
export interface Principal {
  readonly id: string;
  readonly role: Role;
}

/** A service reacting to another service's event, recorded as the actor of what it causes. */
export interface ServiceActor {
  readonly id: string;
  readonly role: 'service';
}
