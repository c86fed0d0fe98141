import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './page-title';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1 className="kern-heading-large">{t('notFound.title')}</h1>
      <p className="kern-body">{t('notFound.text')}</p>
      <Link className="kern-link" to="/">
        {t('nav.overview')}
      </Link>
    </>
  );
}
