import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { SelectField, TableScroll } from '../shell/ui';
import { ComparisonChart } from './lazy-charts';
import { useMonitoringLabels } from './labels';
import { useComparison } from './monitoring-queries';
import { useAddressQuery } from '../shell/url-filters';

/** The municipalities ranked for one period, as bars and as a table; those without a value are named. */
export function ComparisonSection({
  indicatorKey,
  unit,
  periods,
}: {
  indicatorKey: string;
  unit: string;
  periods: readonly string[];
}) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const { params, update } = useAddressQuery();
  const period = params.get('zeitraum') ?? periods[periods.length - 1] ?? '';
  const comparison = useComparison(indicatorKey, period);
  const data = comparison.data;
  const setPeriod = (value: string) => update((next) => next.set('zeitraum', value), { replace: true });
  return (
    <section aria-labelledby="comparison-heading">
      <h2 id="comparison-heading" className="kern-heading-medium">
        {t('monitoring.comparison')}
      </h2>
      {periods.length === 0 ? (
        <p className="kern-body">{t('monitoring.noValuesYet')}</p>
      ) : (
        <form className="filters" onSubmit={(event) => event.preventDefault()}>
          <SelectField
            label={t('trace.period')}
            name="zeitraum"
            value={period}
            options={[...periods].reverse().map((value) => ({ value, label: value }))}
            onChange={setPeriod}
          />
        </form>
      )}
      <QueryProblem query={comparison} />
      {data ? (
        <>
          {data.landkreis !== null ? (
            <p className="kern-body">{t('monitoring.landkreisValue', { value: labels.value(data.landkreis, unit) })}</p>
          ) : null}
          <Suspense fallback={<p role="status">{t('loading')}</p>}>
            <ComparisonChart comparison={data} unit={labels.unit(unit)} />
          </Suspense>
          <TableScroll label={t('monitoring.comparisonCaption', { period: data.period })}>
            <table className="kern-table kern-table--small" data-testid="comparison-table">
              <caption className="kern-title">{t('monitoring.comparisonCaption', { period: data.period })}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('monitoring.rank')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('monitoring.municipality')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('monitoring.samtgemeinde')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('chart.value', { unit: labels.unit(unit) })}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {data.ranking.map((row) => (
                  <tr className="kern-table__row" key={row.regionKey}>
                    <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(row.rank)}</td>
                    <th scope="row" className="kern-table__cell">
                      {row.regionName}
                    </th>
                    <td className="kern-table__cell">{row.samtgemeinde ?? '–'}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{labels.value(row.value, unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <p className="kern-body" data-testid="comparison-missing">
            {data.missing.length === 0
              ? t('monitoring.noneMissing')
              : t('monitoring.missing', {
                  count: data.missing.length,
                  names: data.missing.map((region) => region.regionName).join(', '),
                })}
          </p>
        </>
      ) : null}
    </section>
  );
}
