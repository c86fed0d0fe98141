import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegionName } from '../monitoring/monitoring-queries';
import { MeasureStatusBadge } from '../measures/measure-words';
import { useGoalMeasures } from '../measures/measure-queries';
import { QueryProblem } from './QueryProblem';

/** The measures planning links to this goal, with how far each has come. */
export function GoalMeasures({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const measures = useGoalMeasures(goalId);
  const items = measures.data?.items ?? [];
  return (
    <section aria-labelledby="measures-heading">
      <h2 id="measures-heading" className="kern-heading-medium">
        {t('measures.goalMeasures')}
      </h2>
      <QueryProblem query={measures} />
      {measures.data && items.length === 0 ? <p className="kern-body">{t('measures.noGoalMeasures')}</p> : null}
      {items.length > 0 ? (
        <ul className="kern-list" data-testid="goal-measures">
          {items.map((measure) => (
            <li key={measure.id}>
              <Link className="kern-link" to={`/massnahmen/${measure.id}`}>
                {measure.title}
              </Link>{' '}
              ({regionName(measure.regionKey)}) <MeasureStatusBadge status={measure.status} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
