import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryProblem } from '../goals/QueryProblem';
import { SelectField, TableScroll } from '../shell/ui';
import { SeriesChart } from './lazy-charts';
import { useMonitoringLabels } from './labels';
import { Series, useRegions, useSeries } from './monitoring-queries';
import { useAddressQuery } from '../shell/url-filters';

export const LANDKREIS = '03459';

/** The chosen municipalities live in the URL (`gebiete`), so a view can be shared. */
export function useChosenRegions(): [string[], (regions: string[]) => void] {
  const { params, update } = useAddressQuery();
  const chosen = (params.get('gebiete') ?? '').split(',').filter(Boolean);
  const setChosen = (regions: string[]) =>
    update((next) => (regions.length > 0 ? next.set('gebiete', regions.join(',')) : next.delete('gebiete')), {
      replace: true,
    });
  return [chosen, setChosen];
}

function SeriesTable({ series, unit }: { series: readonly Series[]; unit: string }) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const periods = [...new Set(series.flatMap((one) => one.points.map((point) => point.period)))].sort();
  return (
    <TableScroll label={t('monitoring.seriesTableCaption')}>
      <table className="kern-table kern-table--small" data-testid="series-table">
        <caption className="kern-title">{t('monitoring.seriesTableCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('trace.period')}
            </th>
            {series.map((one) => (
              <th scope="col" key={one.regionKey} className="kern-table__header kern-table__header--numeric">
                {one.regionName}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {periods.map((period) => (
            <tr className="kern-table__row" key={period}>
              <th scope="row" className="kern-table__cell">
                {period}
              </th>
              {series.map((one) => {
                const point = one.points.find((candidate) => candidate.period === period);
                return (
                  <td className="kern-table__cell kern-table__cell--numeric" key={one.regionKey}>
                    {point ? labels.value(point.value, unit) : '–'}
                    {point?.corrected ? ` (${t('chart.corrected')})` : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The indicator over time for the Landkreis and the municipalities a person adds, as a chart and a table. */
export function SeriesSection({
  indicatorKey,
  unit,
  thresholds,
}: {
  indicatorKey: string;
  unit: string;
  thresholds: readonly { label: string; value: number }[];
}) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const regions = useRegions();
  const [chosen, setChosen] = useChosenRegions();
  const queries = useSeries(indicatorKey, [LANDKREIS, ...chosen]);
  const series = queries.flatMap((query) => (query.data ? [query.data] : []));
  const failed = queries.find((query) => query.error);
  const municipalities = (regions.data ?? []).filter((region) => region.kind !== 'landkreis');
  const nameOf = (key: string) => municipalities.find((region) => region.key === key)?.name ?? key;
  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading" className="kern-heading-medium">
        {t('monitoring.series')}
      </h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('monitoring.addRegion')}
          name="gebiet"
          value=""
          emptyLabel={t('monitoring.chooseRegion')}
          options={municipalities
            .filter((region) => !chosen.includes(region.key))
            .map((region) => ({ value: region.key, label: region.name }))}
          onChange={(value) => value && setChosen([...chosen, value])}
        />
      </form>
      {chosen.length > 0 ? (
        <ul className="kern-list chosen-regions" aria-label={t('monitoring.chosenRegions')}>
          {chosen.map((key) => (
            <li key={key}>
              {nameOf(key)}{' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--small"
                onClick={() => setChosen(chosen.filter((other) => other !== key))}
              >
                <span className="kern-label">{t('monitoring.removeRegion', { name: nameOf(key) })}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {failed ? <QueryProblem query={failed} /> : null}
      {queries.some((query) => query.isPending) ? <p role="status">{t('loading')}</p> : null}
      {series.length > 0 && series.length === queries.length ? (
        <>
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <SeriesChart series={series} thresholds={thresholds} unit={labels.unit(unit)} />
          </Suspense>
          <SeriesTable series={series} unit={unit} />
        </>
      ) : null}
    </section>
  );
}
