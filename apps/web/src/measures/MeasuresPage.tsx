import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Disclosure } from '../capacity/CapacityForms';
import { useCapacityLabels } from '../capacity/labels';
import { RegionSelect } from '../goals/filters';
import { QueryProblem } from '../goals/QueryProblem';
import { formatNumber, formatTimestamp } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Pagination, SelectField, TableScroll } from '../shell/ui';
import { MeasureStatusBadge, useEffectWords } from './measure-words';
import { bodyOf, EMPTY_MEASURE, MeasureForm } from './MeasureForm';
import { MEASURE_STATUSES, MeasureFilters, useGaps, useMeasures, usePlanMeasure } from './measure-queries';

const PAGE_SIZE = 25;
const FILTERS = ['regionKey', 'status'] as const;

/** Maßnahmen: by Gemeinde and status, with the open gaps of the status quo they are meant to close. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const effectWords = useEffectWords();
  usePageTitle(t('measures.title'));
  const { params, filters, page, pagesOf, setFilter, goToPage } = useUrlFilters<MeasureFilters>(FILTERS, PAGE_SIZE);
  const measures = useMeasures(filters);
  useDataReady(Boolean(measures.data));
  const list = measures.data;
  const plans = person.role === 'coordinator' || person.role === 'admin';
  return (
    <>
      <h1 className="kern-heading-large">{t('measures.title')}</h1>
      <p className="kern-body">{t('measures.intro')}</p>
      {plans ? <PlanMeasure /> : null}
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <RegionSelect
          name="regionKey"
          value={params.get('regionKey') ?? ''}
          onChange={(value) => setFilter('regionKey', value)}
        />
        <SelectField
          label={t('measures.status')}
          name="status"
          value={params.get('status') ?? ''}
          onChange={(value) => setFilter('status', value)}
          emptyLabel={t('filter.all')}
          options={MEASURE_STATUSES.map((status) => ({ value: status, label: t(`measures.statuses.${status}`) }))}
        />
      </form>
      <QueryProblem query={measures} />
      {list ? (
        <>
          <p className="kern-body" role="status" data-testid="measure-count">
            {t('measures.count', { count: list.total })}
          </p>
          {list.items.length > 0 ? (
            <TableScroll label={t('measures.caption')}>
              <table className="kern-table" data-testid="measures">
                <caption className="kern-sr-only">{t('measures.caption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('measures.titleField')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('measures.region')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('measures.effect')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('measures.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {list.items.map((measure) => (
                    <tr className="kern-table__row" key={measure.id}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
                          {measure.title}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{labels.region(measure.regionKey)}</td>
                      <td className="kern-table__cell">{effectWords(measure)}</td>
                      <td className="kern-table__cell">
                        <MeasureStatusBadge status={measure.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <Pagination label={t('measures.title')} page={page} pages={pagesOf(list.total)} onPage={goToPage} />
        </>
      ) : null}
      <OpenGaps regionKey={params.get('regionKey') ?? undefined} />
    </>
  );
}

/** Maßnahme planen, folded away until asked for; once planned, its page opens. */
function PlanMeasure() {
  const { t } = useTranslation();
  const plan = usePlanMeasure();
  const navigate = useNavigate();
  return (
    <Disclosure title={t('measures.new')} done={null}>
      <MeasureForm
        label={t('measures.new')}
        initial={EMPTY_MEASURE}
        withReason={false}
        pending={plan.isPending}
        onSubmit={async (form) => {
          const created = await plan.mutateAsync(bodyOf(form));
          void navigate(`/massnahmen/${String(created['measureId'])}`);
        }}
      />
    </Disclosure>
  );
}

/** The status quo's open gaps, of one Gemeinde when one is chosen. */
function OpenGaps({ regionKey }: { regionKey?: string }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const district = regionKey?.length === 5;
  const gaps = useGaps({ status: 'open', ...(regionKey && !district ? { regionKey } : {}) });
  const items = gaps.data?.items ?? [];
  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading" className="kern-heading-medium">
        {t('measures.gaps')}
      </h2>
      <p className="kern-body">{t('measures.gapsIntro')}</p>
      <QueryProblem query={gaps} />
      {gaps.data && items.length === 0 ? <p className="kern-body">{t('measures.noGaps')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('measures.gapsCaption')}>
          <table className="kern-table" data-testid="gaps">
            <caption className="kern-sr-only">{t('measures.gapsCaption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('measures.region')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('measures.stage')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.year')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.demand')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.supply')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.balance')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.missingGroups')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('measures.identifiedAt')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {items.map((gap) => (
                <tr className="kern-table__row" key={gap.id}>
                  <th scope="row" className="kern-table__cell">
                    <Link
                      className="kern-link"
                      to={`/kapazitaetsplanung/gemeinden/${gap.regionKey}?stufe=${gap.stage}`}
                    >
                      {labels.region(gap.regionKey)}
                    </Link>
                  </th>
                  <td className="kern-table__cell">{labels.stage(gap.stage)}</td>
                  <td className="kern-table__cell">{labels.year(gap.year)}</td>
                  <td className="kern-table__cell">{formatNumber(gap.demand, 0)}</td>
                  <td className="kern-table__cell">{formatNumber(gap.supply, 0)}</td>
                  <td className="kern-table__cell">{labels.balance(gap.balance, 'shortfall')}</td>
                  <td className="kern-table__cell">{gap.missingGroups}</td>
                  <td className="kern-table__cell">{formatTimestamp(gap.identifiedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
