import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { usePageTitle } from '../shell/page-title';
import { Alert, TableScroll, TextField } from '../shell/ui';
import { changesMonitoring } from './labels';
import { useIndicators, usePublishRelease, useReleases } from './monitoring-queries';

const EMPTY = { title: '', periods: '', note: '' };

function PublishForm({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const publish = usePublishRelease();
  const [values, setValues] = useState(EMPTY);
  const { fieldErrors: errors, setFieldErrors: setErrors, problem, clear, fail } = useCommandErrors();
  const [done, setDone] = useState<string | undefined>();
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDone(undefined);
    const periods = values.periods
      .split(/[,;\s]+/)
      .map((period) => period.trim())
      .filter(Boolean);
    const found: Record<string, string> = {};
    if (!values.title.trim()) found['title'] = t('monitoring.releases.titleMissing');
    if (periods.length === 0) found['periods'] = t('monitoring.releases.periodsMissing');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    publish.mutate(
      { title: values.title.trim(), periods, ...(values.note.trim() ? { note: values.note.trim() } : {}) },
      {
        onSuccess: (result) => {
          setDone(t('monitoring.releases.done', { title: values.title.trim(), count: result.indicatorKeys.length }));
          setValues(EMPTY);
        },
        onError: fail,
      },
    );
  };
  return (
    <section aria-labelledby="publish-heading">
      <h2 id="publish-heading" className="kern-heading-medium">
        {t('monitoring.releases.publish')}
      </h2>
      {done ? <Alert kind="success" title={done} /> : null}
      <form className="step-form" noValidate onSubmit={submit} aria-labelledby="publish-heading">
        {problem ? (
          <CommandProblem problem={problem} onReload={onReload} staleText={t('monitoring.correction.stale')} />
        ) : null}
        <TextField
          label={t('goal.title')}
          name="title"
          required
          value={values.title}
          onChange={set('title')}
          error={errors['title']}
        />
        <TextField
          label={t('monitoring.releases.periods')}
          name="periods"
          required
          value={values.periods}
          onChange={set('periods')}
          error={errors['periods']}
          hint={t('monitoring.releases.periodsHint')}
        />
        <TextField
          label={t('monitoring.releases.note')}
          name="note"
          multiline
          value={values.note}
          onChange={set('note')}
          error={errors['note']}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={publish.isPending}>
          <span className="kern-label">{t('monitoring.releases.submit')}</span>
        </button>
      </form>
    </section>
  );
}

/** Datenfreigaben: which periods of which indicators were released, when and by whom. */
export function ReleasesPage() {
  const { t } = useTranslation();
  const person = usePerson();
  usePageTitle(t('monitoring.releases.title'));
  const releases = useReleases();
  const indicators = useIndicators();
  const nameOf = (key: string) => indicators.data?.find((indicator) => indicator.key === key)?.name ?? key;
  return (
    <>
      <p>
        <Link className="kern-link" to="/monitoring">
          {t('monitoring.back')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('monitoring.releases.title')}</h1>
      <p className="kern-body">{t('monitoring.releases.intro')}</p>
      <QueryProblem query={releases} />
      {releases.isPending ? <p role="status">{t('loading')}</p> : null}
      {releases.data?.length === 0 ? <p className="kern-body">{t('monitoring.releases.none')}</p> : null}
      {releases.data && releases.data.length > 0 ? (
        <TableScroll label={t('monitoring.releases.title')}>
          <table className="kern-table kern-table--small" data-testid="releases-table">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('goal.title')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.releases.periods')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.releases.indicators')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.releases.publishedAt')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.releases.note')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {releases.data.map((release) => (
                <tr className="kern-table__row" key={release.id}>
                  <th scope="row" className="kern-table__cell">
                    {release.title}
                  </th>
                  <td className="kern-table__cell">{release.periods.join(', ')}</td>
                  <td className="kern-table__cell">{release.indicatorKeys.map(nameOf).join(', ')}</td>
                  <td className="kern-table__cell">
                    {formatTimestamp(release.publishedAt)}, {release.publishedBy}
                  </td>
                  <td className="kern-table__cell">{release.note ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {changesMonitoring(person.role) ? <PublishForm onReload={() => void releases.refetch()} /> : null}
    </>
  );
}
