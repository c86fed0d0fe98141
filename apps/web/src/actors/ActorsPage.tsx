import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegionSelect } from '../goals/filters';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Badge, Pagination, SelectField, TableScroll, TextField } from '../shell/ui';
import { ActorListFilters, ORGANISATION_TYPES, useActorList } from './actor-queries';
import { useActorLabels } from './labels';

const PAGE_SIZE = 25;
const FILTERS = ['q', 'type', 'regionKey'] as const;

/** Akteure: the directory of organisations, searched by name and filtered by type and municipality. */
export function ActorsPage() {
  const { t } = useTranslation();
  const labels = useActorLabels();
  const person = usePerson();
  usePageTitle(t('actors.title'));
  const { params, filters, page, pagesOf, setFilter, submitSearch, goToPage } = useUrlFilters<ActorListFilters>(
    FILTERS,
    PAGE_SIZE,
  );
  const actors = useActorList(filters);
  const [search, setSearch] = useState(params.get('q') ?? '');
  useDataReady(Boolean(actors.data));
  const list = actors.data;
  return (
    <>
      <div className="page-heading">
        <h1 className="kern-heading-large">{t('actors.title')}</h1>
        {person.role === 'coordinator' || person.role === 'admin' ? (
          <Link className="kern-btn kern-btn--primary" to="/akteure/neu">
            <span className="kern-label">{t('actors.new')}</span>
          </Link>
        ) : null}
      </div>
      <form role="search" className="filters" onSubmit={submitSearch({ q: search })}>
        <TextField type="search" label={t('actors.filterText')} name="q" value={search} onChange={setSearch} />
        <button type="submit" className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('filter.searchButton')}</span>
        </button>
      </form>
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('actors.type')}
          name="type"
          value={params.get('type') ?? ''}
          onChange={(value) => setFilter('type', value)}
          emptyLabel={t('filter.all')}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
        />
        <RegionSelect
          name="regionKey"
          value={params.get('regionKey') ?? ''}
          onChange={(value) => setFilter('regionKey', value)}
        />
      </form>
      <QueryProblem query={actors} />
      {list ? (
        <>
          <p className="kern-body" role="status" data-testid="actor-count">
            {t('actors.count', { count: list.total })}
          </p>
          {list.items.length > 0 ? (
            <TableScroll label={t('actors.tableCaption')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('actors.tableCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('actors.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('actors.type')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('actors.region')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('actors.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {list.items.map((actor) => (
                    <tr className="kern-table__row" key={actor.id}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/akteure/${actor.id}`}>
                          {actor.name}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{labels.type(actor.type)}</td>
                      <td className="kern-table__cell">{labels.region(actor.regionKey)}</td>
                      <td className="kern-table__cell">
                        <Badge kind={actor.status === 'active' ? 'success' : 'info'}>
                          {t(`actors.statusValue.${actor.status}`)}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <Pagination label={t('actors.title')} page={page} pages={pagesOf(list.total)} onPage={goToPage} />
        </>
      ) : null}
    </>
  );
}
