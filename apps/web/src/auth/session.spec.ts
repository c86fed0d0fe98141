import { User } from 'oidc-client-ts';
import { personOf, returnToOf } from './session';

const user = (profile: Record<string, unknown>, state?: unknown) =>
  new User({
    access_token: 'a',
    token_type: 'Bearer',
    profile: { sub: 'u-1', iss: 'i', aud: 'a', exp: 0, iat: 0, ...profile },
    ...(state === undefined ? {} : { userState: state }),
  } as ConstructorParameters<typeof User>[0]);

describe('the signed-in person', () => {
  it('takes the most powerful role of the token, the actor id of an actor, and the id the services record', () => {
    expect(personOf(user({ name: 'Kim', roles: ['auditor', 'coordinator'] }))).toEqual({
      id: 'u-1',
      name: 'Kim',
      role: 'coordinator',
    });
    expect(personOf(user({ roles: ['actor'], actor_id: 'vhs' }))).toEqual({
      id: 'vhs',
      name: 'u-1',
      role: 'actor',
      actorId: 'vhs',
    });
    expect(personOf(user({ realm_access: { roles: ['admin'] }, preferred_username: 'root' }))).toEqual({
      id: 'u-1',
      name: 'root',
      role: 'admin',
    });
    expect(personOf(user({ roles: ['mayor'] }))).toBeUndefined();
  });

  it('returns to a path of this app after sign-in, never to another site', () => {
    expect(returnToOf(user({}, { returnTo: '/ziele?status=agreed' }))).toBe('/ziele?status=agreed');
    expect(returnToOf(user({}, { returnTo: '//evil.example/x' }))).toBe('/');
    expect(returnToOf(user({}, { returnTo: 'https://evil.example' }))).toBe('/');
    expect(returnToOf(user({}))).toBe('/');
  });
});
