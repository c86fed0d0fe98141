import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Badge, Pagination, SelectField, SyntheticNotice, TableScroll, TextField } from '../shell/ui';
import { ASSESSMENTS, GOAL_STATUSES, GoalListFilters } from './goal-types';
import { useGoalList, useShowsSampleGoals } from './goal-queries';
import { RegionSelect, StageSelect } from './filters';
import { ASSESSMENT_BADGE, useGoalLabels } from './labels';
import { QueryProblem } from './QueryProblem';

const PAGE_SIZE = 20;
const FILTERS = ['q', 'status', 'stage', 'region', 'party', 'indicator', 'assessment', 'sort'] as const;
const SORTS = ['title', '-title', 'dueDate', '-dueDate', 'status'] as const;

/** Ziele: every goal the person may see, filtered, searched, sorted and paged. */
export function GoalListPage() {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const person = usePerson();
  usePageTitle(t('goals.title'));
  const showsSampleGoals = useShowsSampleGoals();
  const {
    params,
    filters,
    page: pageNumber,
    pagesOf,
    setFilter,
    submitSearch,
    goToPage,
  } = useUrlFilters<GoalListFilters>(FILTERS, PAGE_SIZE);
  const goals = useGoalList(filters);
  const [search, setSearch] = useState({
    q: params.get('q') ?? '',
    party: params.get('party') ?? '',
    indicator: params.get('indicator') ?? '',
  });
  const page = goals.data;
  const pages = page ? pagesOf(page.total) : 1;
  return (
    <>
      <div className="page-heading">
        <h1 className="kern-heading-large">{t('goals.title')}</h1>
        {person.role === 'coordinator' || person.role === 'admin' ? (
          <Link className="kern-btn kern-btn--primary" to="/ziele/neu">
            <span className="kern-label">{t('goals.new')}</span>
          </Link>
        ) : null}
      </div>
      {showsSampleGoals ? <SyntheticNotice /> : null}
      <form role="search" className="filters" onSubmit={submitSearch(search)}>
        <TextField
          type="search"
          label={t('filter.search')}
          name="q"
          value={search.q}
          onChange={(q) => setSearch({ ...search, q })}
        />
        <TextField
          label={t('filter.party')}
          hint={t('filter.partyHint')}
          name="party"
          value={search.party}
          onChange={(party) => setSearch({ ...search, party })}
        />
        <TextField
          label={t('filter.indicator')}
          hint={t('filter.indicatorHint')}
          name="indicator"
          value={search.indicator}
          onChange={(indicator) => setSearch({ ...search, indicator })}
        />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('filter.searchButton')}</span>
        </button>
      </form>
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('filter.status')}
          name="status"
          value={params.get('status') ?? ''}
          onChange={(value) => setFilter('status', value)}
          emptyLabel={t('filter.all')}
          options={GOAL_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
        />
        <StageSelect value={params.get('stage') ?? ''} onChange={(value) => setFilter('stage', value)} />
        <RegionSelect value={params.get('region') ?? ''} onChange={(value) => setFilter('region', value)} />
        <SelectField
          label={t('filter.assessment')}
          name="assessment"
          value={params.get('assessment') ?? ''}
          onChange={(value) => setFilter('assessment', value)}
          emptyLabel={t('filter.all')}
          options={ASSESSMENTS.map((assessment) => ({ value: assessment, label: labels.assessment(assessment) }))}
        />
        <SelectField
          label={t('filter.sort')}
          name="sort"
          value={params.get('sort') ?? ''}
          onChange={(value) => setFilter('sort', value)}
          emptyLabel={t('sort.default')}
          options={SORTS.map((sort) => ({ value: sort, label: t(`sort.${sort}`) }))}
        />
      </form>
      <QueryProblem query={goals} />
      {page ? (
        <>
          <p className="kern-body" role="status" data-testid="goal-count">
            {t('goals.count', { count: page.total })}
          </p>
          {page.items.length > 0 ? (
            <TableScroll label={t('goals.tableCaption')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('goals.tableCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('goal.title')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('goal.statusLabel')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('goal.assessmentLabel')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('goal.stage')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('goal.dueDate')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('goal.latestValue')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {page.items.map((goal) => (
                    <tr className="kern-table__row" key={goal.id}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/ziele/${goal.id}`}>
                          {goal.title}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{labels.status(goal.status)}</td>
                      <td className="kern-table__cell">
                        {goal.assessment ? (
                          <Badge kind={ASSESSMENT_BADGE[goal.assessment]}>{labels.assessment(goal.assessment)}</Badge>
                        ) : (
                          labels.assessment(null)
                        )}
                      </td>
                      <td className="kern-table__cell">{labels.stage(goal.stage)}</td>
                      <td className="kern-table__cell">{goal.dueDate ? formatDate(goal.dueDate) : '–'}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {goal.latestProgress ? formatNumber(goal.latestProgress.value) : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="kern-body">{t('goals.none')}</p>
          )}
          <Pagination label={t('goals.pages')} page={pageNumber} pages={pages} onPage={goToPage} />
        </>
      ) : null}
    </>
  );
}
