import { ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { signIn } from '../auth/session';
import { useAuth } from './AuthProvider';
import { Alert } from './ui';

/** Shows its content to a signed-in person with a known role; sends anyone else to sign in first. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, person, signOut } = useAuth();
  useEffect(() => {
    if (user === null) void signIn();
  }, [user]);
  if (user === undefined || user === null)
    return (
      <p className="kern-body" role="status">
        {t('auth.redirecting')}
      </p>
    );
  if (!person)
    return (
      <Alert kind="danger" title={t('auth.noRole.title')}>
        <p className="kern-body">{t('auth.noRole.text')}</p>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void signOut()}>
          <span className="kern-label">{t('shell.signOut')}</span>
        </button>
      </Alert>
    );
  return <>{children}</>;
}
