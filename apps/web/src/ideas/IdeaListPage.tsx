import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegionSelect, StageSelect } from '../goals/filters';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate, formatNumber } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Badge, Pagination, SelectField, TableScroll, TextField } from '../shell/ui';
import { BundleForm } from './BundleForm';
import { DuplicatePairs } from './DuplicatePairs';
import { IDEA_STATUSES, IdeaListFilters, useIdeaList } from './idea-queries';
import { STATUS_BADGE, useIdeaLabels } from './labels';

const PAGE_SIZE = 20;
const FILTERS = ['text', 'status', 'stage', 'region', 'tag', 'submitter', 'evaluation'] as const;
const EVALUATION_STATES = ['none', 'pending', 'complete'] as const;

/** Ideen: every idea, newest first, searched in German and filtered; coordinators also see likely duplicates. */
export function IdeaListPage() {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const person = usePerson();
  usePageTitle(t('ideas.title'));
  const {
    params,
    filters,
    page: pageNumber,
    pagesOf,
    setFilter,
    submitSearch,
    goToPage,
  } = useUrlFilters<IdeaListFilters>(FILTERS, PAGE_SIZE);
  const ideas = useIdeaList(filters);
  const [search, setSearch] = useState({
    text: params.get('text') ?? '',
    tag: params.get('tag') ?? '',
    submitter: params.get('submitter') ?? '',
  });
  const page = ideas.data;
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  const [selected, setSelected] = useState<string[]>([]);
  const toggle = (id: string) =>
    setSelected(selected.includes(id) ? selected.filter((other) => other !== id) : [...selected, id]);
  const pages = page ? pagesOf(page.total) : 1;
  return (
    <>
      <div className="page-heading">
        <h1 className="kern-heading-large">{t('ideas.title')}</h1>
        {person.role !== 'auditor' ? (
          <Link className="kern-btn kern-btn--primary" to="/ideen/neu">
            <span className="kern-label">{t('ideas.new')}</span>
          </Link>
        ) : null}
      </div>
      <form role="search" className="filters" onSubmit={submitSearch(search)}>
        <TextField
          type="search"
          label={t('ideas.filter.text')}
          hint={t('ideas.filter.textHint')}
          name="text"
          value={search.text}
          onChange={(text) => setSearch({ ...search, text })}
        />
        <TextField
          label={t('ideas.filter.tag')}
          name="tag"
          value={search.tag}
          onChange={(tag) => setSearch({ ...search, tag })}
        />
        <TextField
          label={t('ideas.filter.submitter')}
          hint={t('filter.partyHint')}
          name="submitter"
          value={search.submitter}
          onChange={(submitter) => setSearch({ ...search, submitter })}
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
          options={IDEA_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
        />
        <StageSelect value={params.get('stage') ?? ''} onChange={(value) => setFilter('stage', value)} />
        <RegionSelect value={params.get('region') ?? ''} onChange={(value) => setFilter('region', value)} />
        <SelectField
          label={t('ideas.filter.evaluation')}
          name="evaluation"
          value={params.get('evaluation') ?? ''}
          onChange={(value) => setFilter('evaluation', value)}
          emptyLabel={t('filter.all')}
          options={EVALUATION_STATES.map((state) => ({ value: state, label: t(`ideas.evaluationState.${state}`) }))}
        />
      </form>
      <QueryProblem query={ideas} />
      {page ? (
        <>
          <p className="kern-body" role="status" data-testid="idea-count">
            {t('ideas.count', { count: page.total })}
          </p>
          {page.items.length > 0 ? (
            <TableScroll label={t('ideas.tableCaption')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('ideas.tableCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    {coordinator ? (
                      <th scope="col" className="kern-table__header">
                        {t('ideas.bundle.select')}
                      </th>
                    ) : null}
                    <th scope="col" className="kern-table__header">
                      {t('idea.title')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('filter.status')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('idea.stages')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('idea.submittedOn')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('idea.endorsements')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('idea.comments')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('idea.evaluation.title')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {page.items.map((idea) => (
                    <tr className="kern-table__row" key={idea.id}>
                      {coordinator ? (
                        <td className="kern-table__cell">
                          {idea.status === 'submitted' ? (
                            <input
                              type="checkbox"
                              className="kern-form-check__input"
                              aria-label={t('ideas.bundle.selectIdea', { title: idea.title })}
                              checked={selected.includes(idea.id)}
                              onChange={() => toggle(idea.id)}
                            />
                          ) : null}
                        </td>
                      ) : null}
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/ideen/${idea.id}`}>
                          {idea.title}
                        </Link>
                      </td>
                      <td className="kern-table__cell">
                        <Badge kind={STATUS_BADGE[idea.status]}>{labels.status(idea.status)}</Badge>
                      </td>
                      <td className="kern-table__cell">{idea.stages.map(labels.stage).join(', ')}</td>
                      <td className="kern-table__cell">{formatDate(idea.submittedAt.slice(0, 10))}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {formatNumber(idea.endorsementTotal)}
                      </td>
                      <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(idea.commentCount)}</td>
                      <td className="kern-table__cell">
                        {idea.evaluation.state === 'none'
                          ? '–'
                          : t('idea.evaluation.progress', {
                              submitted: idea.evaluation.submitted,
                              assigned: idea.evaluation.assigned,
                            })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="kern-body">{t('ideas.none')}</p>
          )}
          <Pagination label={t('ideas.pages')} page={pageNumber} pages={pages} onPage={goToPage} />
          {coordinator ? (
            <BundleForm
              sources={page.items.filter((idea) => selected.includes(idea.id))}
              onFormed={() => setSelected([])}
            />
          ) : null}
        </>
      ) : null}
      {person.role === 'coordinator' || person.role === 'admin' || person.role === 'auditor' ? (
        <DuplicatePairs />
      ) : null}
    </>
  );
}
