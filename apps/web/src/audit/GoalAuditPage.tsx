import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/problem';
import { useGoal } from '../goals/goal-queries';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { Alert, SyntheticNotice } from '../shell/ui';
import { AsOfComparison } from './AsOfComparison';
import { AuditorsOnly } from './AuditPage';
import { exportHistory } from './audit-queries';
import { RevisionDiff } from './RevisionDiff';
import { Timeline } from './Timeline';
import { saveFile } from '../lib/save-file';
import { useVocabulary } from './use-vocabulary';
import { GoalVerification, SealVerdict } from './Verification';
import { useAddressQuery } from '../shell/url-filters';

function Exports({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'csv' | 'json' | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const run = async (format: 'csv' | 'json') => {
    setBusy(format);
    setFailed(undefined);
    try {
      saveFile(await exportHistory(goalId, format), `ziel-${goalId}-verlauf.${format}`);
    } catch (error) {
      setFailed(error instanceof ApiError ? error.problem.detail : String(error));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading" className="kern-heading-medium">
        {t('audit.export')}
      </h2>
      <p className="kern-body">{t('audit.exportHint')}</p>
      <div className="button-row">
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={busy !== undefined}
            onClick={() => void run(format)}
          >
            <span className="kern-label">{t(`audit.export${format.toUpperCase()}`)}</span>
          </button>
        ))}
      </div>
      {busy ? <p role="status">{t('audit.exporting')}</p> : null}
      {failed ? (
        <Alert kind="danger" title={t('audit.exportFailed')}>
          {failed}
        </Alert>
      ) : null}
    </section>
  );
}

/** Prüfung of one goal: its integrity, every event, the goal on a given day, what changed between revisions. */
export function GoalAuditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson();
  const goal = useGoal(id);
  const terms = goal.data?.goal.terms;
  const words = useVocabulary(terms?.parties ?? []);
  const { update } = useAddressQuery();
  usePageTitle(terms ? t('audit.goalTitle', { title: terms.title }) : t('audit.title'));
  if (person.role === 'actor') return <AuditorsOnly />;
  const compare = (revision: number) => {
    update(
      (next) => {
        next.set('von', String(revision - 1));
        next.set('bis', String(revision));
      },
      { replace: true },
    );
    document.getElementById('diff-heading')?.scrollIntoView();
    document.querySelector<HTMLInputElement>('input[name="bis"]')?.focus();
  };
  return (
    <>
      <p>
        <Link className="kern-link" to="/pruefung">
          {t('audit.back')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{terms ? t('audit.goalTitle', { title: terms.title }) : t('audit.title')}</h1>
      <QueryProblem query={goal} />
      {goal.data?.goal.synthetic ? <SyntheticNotice /> : null}
      {terms ? (
        <p>
          <Link className="kern-link" to={`/ziele/${id}`}>
            {t('audit.openGoal')}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="integrity-heading">
        <h2 id="integrity-heading" className="kern-heading-medium">
          {t('audit.integrity')}
        </h2>
        <GoalVerification goalId={id} />
        <SealVerdict streamId={`goal-${id}`} />
      </section>
      <Timeline goalId={id} words={words} onCompare={compare} />
      <AsOfComparison goalId={id} />
      <RevisionDiff goalId={id} words={words} />
      <Exports goalId={id} />
    </>
  );
}
