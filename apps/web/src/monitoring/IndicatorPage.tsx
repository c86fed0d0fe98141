import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useGoalList } from '../goals/goal-queries';
import { ASSESSMENT_BADGE, useGoalLabels } from '../goals/labels';
import { QueryProblem } from '../goals/QueryProblem';
import { formatNumber } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { Alert, Badge, SyntheticNotice } from '../shell/ui';
import { ComparisonSection } from './ComparisonSection';
import { CorrectionForm } from './CorrectionForm';
import { changesMonitoring, useMonitoringLabels } from './labels';
import { useIndicator, useSeries } from './monitoring-queries';
import { LANDKREIS, SeriesSection } from './SeriesSection';

function LinkedGoals({ indicatorKey }: { indicatorKey: string }) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const goals = useGoalList({ indicator: indicatorKey, limit: 50, sort: 'title' });
  return (
    <section aria-labelledby="linked-heading">
      <h2 id="linked-heading" className="kern-heading-medium">
        {t('monitoring.linkedGoals')}
      </h2>
      <QueryProblem query={goals} />
      {goals.data && goals.data.items.length === 0 ? (
        <p className="kern-body">{t('monitoring.noLinkedGoals')}</p>
      ) : null}
      <ul className="kern-list" data-testid="linked-goals">
        {goals.data?.items.map((goal) => (
          <li key={goal.id}>
            <Link className="kern-link" to={`/ziele/${goal.id}`}>
              {goal.title}
            </Link>{' '}
            {goal.assessment ? (
              <Badge kind={ASSESSMENT_BADGE[goal.assessment]}>{labels.assessment(goal.assessment)}</Badge>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Indikator: definition and thresholds, the series, the comparison of municipalities, linked goals, corrections. */
export function IndicatorPage() {
  const { key = '' } = useParams();
  const { t } = useTranslation();
  const goalLabels = useGoalLabels();
  const labels = useMonitoringLabels();
  const person = usePerson();
  const query = useIndicator(key);
  const [landkreis] = useSeries(key, [LANDKREIS]);
  const indicator = query.data?.indicator;
  usePageTitle(indicator?.name ?? t('monitoring.indicator'));
  const back = (
    <p>
      <Link className="kern-link" to="/monitoring">
        {t('monitoring.back')}
      </Link>
    </p>
  );
  if (!indicator)
    return (
      <>
        {back}
        <QueryProblem query={query} />
        {query.isPending ? <p role="status">{t('loading')}</p> : null}
      </>
    );
  const periods = indicator.periods;
  const facts: [string, string][] = [
    [t('goal.description'), indicator.definition],
    [t('goal.stage'), goalLabels.stage(indicator.stage)],
    [t('monitoring.unitLabel'), labels.unit(indicator.unit)],
    [t('monitoring.periodicityLabel'), labels.periodicity(indicator.periodicity)],
    [t('monitoring.directionLabel'), labels.direction(indicator.preferredDirection)],
    [t('trace.source'), indicator.source],
    [
      t('monitoring.thresholds'),
      indicator.thresholds.map((threshold) => `${threshold.label}: ${formatNumber(threshold.value)}`).join('; ') ||
        t('monitoring.noThresholds'),
    ],
    [t('monitoring.measurementCount'), formatNumber(indicator.measurementCount)],
  ];
  return (
    <>
      {back}
      <h1 className="kern-heading-large">{indicator.name}</h1>
      {indicator.synthetic || landkreis?.data?.points.some((point) => point.synthetic) ? <SyntheticNotice /> : null}
      {query.data?.integrity.intact === false ? <Alert kind="danger" title={t('monitoring.tampered')} /> : null}
      <dl className="kern-description-list">
        {facts.map(([name, value]) => (
          <div className="kern-description-list-item" key={name}>
            <dt className="kern-description-list-item__key">{name}</dt>
            <dd className="kern-description-list-item__value">{value}</dd>
          </div>
        ))}
      </dl>
      <SeriesSection indicatorKey={key} unit={indicator.unit} thresholds={indicator.thresholds} />
      <ComparisonSection indicatorKey={key} unit={indicator.unit} periods={periods} />
      <LinkedGoals indicatorKey={key} />
      {changesMonitoring(person.role) ? (
        <CorrectionForm
          indicatorKey={key}
          unit={indicator.unit}
          periods={periods}
          onReload={() => void query.refetch()}
        />
      ) : null}
    </>
  );
}
