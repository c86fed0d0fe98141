import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';

/** The client id registered at the identity provider (the development provider and the Keycloak realm). */
export const CLIENT_ID = 'bildungsregion-web';
export const ROLES = ['admin', 'coordinator', 'auditor', 'actor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, as the app needs it. */
export interface Person {
  /** Who the services record as the actor of this person's commands: the actor id of an actor, else the subject. */
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The actor an actor speaks for. */
  readonly actorId?: string;
}

/** The issuer: /auth at this origin by default; VITE_OIDC_AUTHORITY for another provider path (e.g. a Keycloak realm). */
const authority = new URL(import.meta.env['VITE_OIDC_AUTHORITY'] ?? '/auth', location.origin).toString();

export const userManager = new UserManager({
  authority,
  client_id: CLIENT_ID,
  redirect_uri: `${location.origin}/anmeldung`,
  post_logout_redirect_uri: `${location.origin}/abgemeldet`,
  response_type: 'code',
  scope: 'openid profile api',
  // A tab's sign-in ends with the tab; refresh tokens renew access tokens before they expire.
  userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  automaticSilentRenew: true,
});

/** The most powerful of the roles a token names, as the services decide it. */
export function personOf(user: User): Person | undefined {
  const profile = user.profile as Record<string, unknown>;
  const realmRoles = (profile['realm_access'] as { roles?: unknown } | undefined)?.roles;
  const claimed = [
    ...(Array.isArray(profile['roles']) ? profile['roles'] : []),
    ...(Array.isArray(realmRoles) ? realmRoles : []),
  ];
  const role = ROLES.find((candidate) => claimed.includes(candidate));
  if (!role) return undefined;
  const actorId = typeof profile['actor_id'] === 'string' ? profile['actor_id'] : undefined;
  const name =
    (typeof profile['name'] === 'string' && profile['name']) ||
    (typeof profile['preferred_username'] === 'string' && profile['preferred_username']) ||
    user.profile.sub;
  return { id: role === 'actor' && actorId ? actorId : user.profile.sub, name, role, ...(actorId ? { actorId } : {}) };
}

/** Sends the person to sign in and, afterwards, back to where they were. */
export function signIn(returnTo = `${location.pathname}${location.search}`): Promise<void> {
  return userManager.signinRedirect({ state: { returnTo } });
}

export function returnToOf(user: User): string {
  const state = user.state as { returnTo?: unknown } | undefined;
  const returnTo = typeof state?.returnTo === 'string' ? state.returnTo : '/';
  // Only a path of this app, never another origin.
  return returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
}
