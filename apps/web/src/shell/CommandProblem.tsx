import { useTranslation } from 'react-i18next';
import type { Problem } from '../api/problem';
import { Alert } from './ui';

/**
 * Why a command was refused, in words, with what to do next; a stale If-Match says what changed in
 * `staleText` and offers to reload.
 */
export function CommandProblem({
  problem,
  onReload,
  staleText,
}: {
  problem: Problem;
  onReload: () => void;
  staleText: string;
}) {
  const { t } = useTranslation();
  if (problem.code === 'stale-revision')
    return (
      <Alert kind="danger" title={t('step.stale.title')}>
        <p className="kern-body">{staleText}</p>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={onReload}>
          <span className="kern-label">{t('step.stale.reload')}</span>
        </button>
      </Alert>
    );
  return (
    <Alert kind="danger" title={t('step.rejected')}>
      <p className="kern-body">
        {t(`problem.code.${problem.code}`, { defaultValue: t('problem.serviceSays', { detail: problem.detail }) })}
      </p>
    </Alert>
  );
}
