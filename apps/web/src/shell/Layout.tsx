import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { LANGUAGES, switchLanguage } from '../i18n/i18n';
import { useAuth, usePerson } from './AuthProvider';
import { RequireSignIn } from './RequireSignIn';

function Header() {
  const { t, i18n } = useTranslation();
  const person = usePerson();
  const { signOut } = useAuth();
  return (
    <header className="app-header">
      <div className="kern-container app-header__bar">
        <p className="app-header__name">
          <NavLink to="/" className="app-header__home">
            {t('shell.appName')}
          </NavLink>
          <span className="kern-body kern-body--muted"> {t('shell.district')}</span>
        </p>
        <div className="app-header__person">
          <span className="kern-body" data-testid="signed-in-as">
            {t('shell.signedInAs', { name: person.name, role: t(`role.${person.role}`) })}
          </span>
          <div role="group" aria-label={t('shell.language')} className="app-header__languages">
            {LANGUAGES.map((language) => (
              <button
                key={language}
                type="button"
                lang={language}
                className="kern-btn kern-btn--tertiary"
                aria-pressed={i18n.language === language}
                onClick={() => switchLanguage(language)}
              >
                <span className="kern-label">{t(`shell.languageName.${language}`)}</span>
              </button>
            ))}
          </div>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void signOut()}>
            <span className="kern-icon kern-icon--logout" aria-hidden="true" />
            <span className="kern-label">{t('shell.signOut')}</span>
          </button>
        </div>
      </div>
      <nav aria-label={t('shell.navigation')} className="kern-container app-nav">
        <ul className="kern-list kern-list--horizontal">
          <li>
            <NavLink to="/" end className="kern-link">
              {t('nav.overview')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/ziele" className="kern-link">
              {t('nav.goals')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/ideen" className="kern-link">
              {t('nav.ideas')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/ideenaufrufe" className="kern-link">
              {t('nav.calls')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/akteure" className="kern-link">
              {t('nav.actors')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/netzwerke" className="kern-link">
              {t('nav.networks')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/einrichtungen" className="kern-link">
              {t('nav.institutions')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/angebote" className="kern-link">
              {t('nav.offerings')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/kapazitaetsplanung" className="kern-link">
              {t('nav.capacity')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/massnahmen" className="kern-link">
              {t('nav.measures')}
            </NavLink>
          </li>
          <li>
            <NavLink to="/monitoring" className="kern-link">
              {t('nav.monitoring')}
            </NavLink>
          </li>
          {person.role !== 'actor' ? (
            <li>
              <NavLink to="/pruefung" className="kern-link">
                {t('nav.audit')}
              </NavLink>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

/** Every signed-in page: skip link, government header, navigation, the page, and the licence notice. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#inhalt">
        {t('shell.skipToContent')}
      </a>
      <div className="kern-kopfzeile">
        <div className="kern-container kern-kopfzeile__content">
          <span className="kern-kopfzeile__label">{t('shell.kopfzeile')}</span>
        </div>
      </div>
      <RequireSignIn>
        <Header />
        <main id="inhalt" tabIndex={-1} className="kern-container app-main">
          <Outlet />
        </main>
      </RequireSignIn>
      <footer className="kern-container app-footer">
        <p className="kern-body kern-body--muted">
          {t('shell.licence')}{' '}
          <a className="kern-link" href="/licences/kern-ux-EUPL-1.2.md">
            {t('shell.licenceLink')}
          </a>
        </p>
        <p className="kern-body">
          <a className="kern-link" href="/barrierefreiheit.html" hrefLang="de">
            {t('shell.accessibility')}
          </a>
        </p>
      </footer>
    </>
  );
}
