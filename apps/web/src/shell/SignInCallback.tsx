import { User } from 'oidc-client-ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { returnToOf, signIn, userManager } from '../auth/session';
import { usePageTitle } from './page-title';
import { Alert } from './ui';

// The code can be exchanged once; a second effect run (React's strict mode) waits for the first.
let exchange: Promise<User> | undefined;

/** Where the identity provider sends the browser back with the authorization code. */
export function SignInCallback() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  usePageTitle(t('auth.callbackTitle'));
  useEffect(() => {
    exchange ??= userManager.signinRedirectCallback();
    exchange.then(
      (user) => navigate(returnToOf(user), { replace: true }),
      () => setFailed(true),
    );
  }, [navigate]);
  if (!failed)
    return (
      <p className="kern-body" role="status">
        {t('auth.completing')}
      </p>
    );
  return (
    <Alert kind="danger" title={t('auth.failed.title')}>
      <p className="kern-body">{t('auth.failed.text')}</p>
      <button
        type="button"
        className="kern-btn kern-btn--primary"
        onClick={() => {
          exchange = undefined;
          void signIn('/');
        }}
      >
        <span className="kern-label">{t('auth.signInAgain')}</span>
      </button>
    </Alert>
  );
}

/** Where the provider sends the browser after sign-out. */
export function SignedOut() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signedOut.title'));
  return (
    <main id="inhalt" className="kern-container">
      <h1 className="kern-heading-large">{t('auth.signedOut.title')}</h1>
      <p className="kern-body">{t('auth.signedOut.text')}</p>
      <button type="button" className="kern-btn kern-btn--primary" onClick={() => void signIn('/')}>
        <span className="kern-label">{t('auth.signIn')}</span>
      </button>
    </main>
  );
}
