import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../lib/format';
import { EDUCATION_STAGES } from '../goals/goal-types';
import { useGoalLabels } from '../goals/labels';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { SyntheticNotice, TableScroll } from '../shell/ui';
import { changesMonitoring, useMonitoringLabels } from './labels';
import { useIndicators } from './monitoring-queries';

/** Monitoring: the indicator catalogue by Bildungsbereich, and the way to imports and data releases. */
export function CataloguePage() {
  const { t } = useTranslation();
  const goalLabels = useGoalLabels();
  const labels = useMonitoringLabels();
  const person = usePerson();
  usePageTitle(t('monitoring.title'));
  const indicators = useIndicators();
  const all = indicators.data ?? [];
  return (
    <>
      <h1 className="kern-heading-large">{t('monitoring.title')}</h1>
      <p className="kern-body">{t('monitoring.intro')}</p>
      <ul className="kern-list kern-list--horizontal monitoring-links">
        {changesMonitoring(person.role) ? (
          <li>
            <Link className="kern-link" to="/monitoring/import">
              {t('monitoring.import.title')}
            </Link>
          </li>
        ) : null}
        <li>
          <Link className="kern-link" to="/monitoring/freigaben">
            {t('monitoring.releases.title')}
          </Link>
        </li>
      </ul>
      {all.some((indicator) => indicator.synthetic) ? <SyntheticNotice /> : null}
      <QueryProblem query={indicators} />
      {indicators.isPending ? <p role="status">{t('loading')}</p> : null}
      {indicators.isSuccess && all.length === 0 ? <p className="kern-body">{t('monitoring.noIndicators')}</p> : null}
      {EDUCATION_STAGES.map((stage) => {
        const inStage = all.filter((indicator) => indicator.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <section key={stage} aria-labelledby={`stage-${stage}`}>
            <h2 id={`stage-${stage}`} className="kern-heading-medium">
              {goalLabels.stage(stage)}
            </h2>
            <TableScroll label={goalLabels.stage(stage)}>
              <table className="kern-table kern-table--small" data-testid={`catalogue-${stage}`}>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('monitoring.indicator')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('monitoring.unitLabel')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('monitoring.periodicityLabel')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('monitoring.latestPeriod')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('monitoring.measurementCount')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {inStage.map((indicator) => (
                    <tr className="kern-table__row" key={indicator.key}>
                      <th scope="row" className="kern-table__cell">
                        <Link className="kern-link" to={`/monitoring/indikatoren/${indicator.key}`}>
                          {indicator.name}
                        </Link>
                      </th>
                      <td className="kern-table__cell">{labels.unit(indicator.unit)}</td>
                      <td className="kern-table__cell">{labels.periodicity(indicator.periodicity)}</td>
                      <td className="kern-table__cell">
                        {indicator.latestPeriodEnd ? formatDate(indicator.latestPeriodEnd) : t('monitoring.noValues')}
                      </td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {formatNumber(indicator.measurementCount)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </>
  );
}
