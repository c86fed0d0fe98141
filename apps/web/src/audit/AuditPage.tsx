import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../lib/format';
import { useGoalList } from '../goals/goal-queries';
import { useGoalLabels } from '../goals/labels';
import { QueryProblem } from '../goals/QueryProblem';
import { usePageTitle } from '../shell/page-title';
import { usePerson } from '../shell/AuthProvider';
import { Alert, TextField } from '../shell/ui';
import { AllGoalsVerification, SealVerdict } from './Verification';

/** What an actor sees of the Prüfung: who it is for. */
export function AuditorsOnly() {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="kern-heading-large">{t('audit.title')}</h1>
      <Alert kind="info" title={t('audit.notForActors')} />
    </>
  );
}

/** Prüfung: the integrity of all goals, the latest seal, and the way into one goal's history. */
export function AuditPage() {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const person = usePerson();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [search, setSearch] = useState(q);
  const goals = useGoalList({ ...(q ? { q } : {}), sort: 'title', limit: 20 });
  if (person.role === 'actor') return <AuditorsOnly />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(search.trim() ? { q: search.trim() } : {});
  };
  return (
    <>
      <h1 className="kern-heading-large">{t('audit.title')}</h1>
      <p className="kern-body">{t('audit.intro')}</p>
      <section aria-labelledby="all-heading">
        <h2 id="all-heading" className="kern-heading-medium">
          {t('audit.allGoals')}
        </h2>
        <AllGoalsVerification />
        <h3 className="kern-heading-small">{t('audit.seal')}</h3>
        <SealVerdict />
      </section>
      <section aria-labelledby="choose-heading">
        <h2 id="choose-heading" className="kern-heading-medium">
          {t('audit.chooseGoal')}
        </h2>
        <form className="filters" role="search" onSubmit={submit}>
          <TextField label={t('filter.search')} name="q" type="search" value={search} onChange={setSearch} />
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{t('filter.searchButton')}</span>
          </button>
        </form>
        <QueryProblem query={goals} />
        {goals.isPending ? <p role="status">{t('loading')}</p> : null}
        {goals.data && goals.data.items.length === 0 ? <p className="kern-body">{t('goals.none')}</p> : null}
        <ul className="kern-list" data-testid="audit-goals">
          {goals.data?.items.map((goal) => (
            <li key={goal.id}>
              <Link className="kern-link" to={`/pruefung/ziele/${goal.id}`}>
                {goal.title}
              </Link>{' '}
              <span className="kern-body kern-body--muted">
                {labels.status(goal.status)}
                {goal.dueDate ? `, ${t('goal.by', { date: formatDate(goal.dueDate) })}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
