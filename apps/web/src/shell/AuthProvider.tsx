import { User } from 'oidc-client-ts';
import { createContext, ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { connectSession } from '../api/client';
import { Person, personOf, userManager } from '../auth/session';

interface Auth {
  /** undefined while the stored sign-in is read, null when nobody is signed in. */
  readonly user: User | null | undefined;
  readonly person: Person | undefined;
  signOut(): Promise<void>;
}

const AuthContext = createContext<Auth | undefined>(undefined);

connectSession({
  accessToken: async () => (await userManager.getUser())?.access_token,
  // A refused token (expired, revoked, signed out elsewhere) ends the sign-in here; RequireSignIn then
  // sends the person to sign in once and back to this page.
  onUnauthorized: () => void userManager.removeUser(),
});

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  useEffect(() => {
    void userManager.getUser().then((stored) => setUser(stored && !stored.expired ? stored : null));
    const loaded = (next: User) => setUser(next);
    const unloaded = () => setUser(null);
    userManager.events.addUserLoaded(loaded);
    userManager.events.addUserUnloaded(unloaded);
    userManager.events.addUserSignedOut(unloaded);
    return () => {
      userManager.events.removeUserLoaded(loaded);
      userManager.events.removeUserUnloaded(unloaded);
      userManager.events.removeUserSignedOut(unloaded);
    };
  }, []);
  const auth = useMemo<Auth>(
    () => ({
      user,
      person: user ? personOf(user) : undefined,
      signOut: async () => {
        const idTokenHint = user?.id_token;
        await userManager.removeUser();
        await userManager.signoutRedirect(idTokenHint ? { id_token_hint: idTokenHint } : {});
      },
    }),
    [user],
  );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth needs an AuthProvider above it.');
  return auth;
}

/** The signed-in person; only inside RequireSignIn. */
export function usePerson(): Person {
  const { person } = useAuth();
  if (!person) throw new Error('usePerson is used outside RequireSignIn.');
  return person;
}
