import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { Alert } from '../shell/ui';

/** What went wrong with a read, in words; nothing while it is fine. */
export function QueryProblem({ query }: { query: { error: Error | null; refetch: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.error) return null;
  const problem = query.error instanceof ApiError ? query.error.problem : undefined;
  const key =
    problem?.status === 403
      ? 'problem.forbidden'
      : problem?.status === 404
        ? 'problem.notFound'
        : 'problem.unavailable';
  return (
    <Alert kind="danger" title={t(`${key}.title`)}>
      <p className="kern-body">{t(`${key}.text`)}</p>
      {key === 'problem.unavailable' ? (
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void query.refetch()}>
          <span className="kern-label">{t('problem.retry')}</span>
        </button>
      ) : null}
    </Alert>
  );
}
