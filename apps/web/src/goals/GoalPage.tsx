import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatValue } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, BackToGoals, Badge, SyntheticNotice, TableScroll } from '../shell/ui';
import { GoalActions } from './GoalActions';
import { FromIdea, IncompleteDraft } from './IncompleteDraft';
import { useGoal } from './goal-queries';
import { useRegionName } from '../monitoring/monitoring-queries';
import { ASSESSMENT_BADGE, useGoalLabels } from './labels';
import { GoalMeasures } from './GoalMeasures';
import { ProgressTable } from './ProgressTable';
import { QueryProblem } from './QueryProblem';
import { TrajectoryChart } from './lazy-charts';

/** Ziel: the terms, the parties and their consent, the trajectory, the progress and every step still open. */
export function GoalPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const person = usePerson();
  const query = useGoal(id);
  const regionName = useRegionName();
  const view = query.data;
  const terms = view?.goal.terms;
  usePageTitle(terms?.title ?? t('goal.page'));
  useDataReady(terms !== undefined);
  if (view && !terms && view.goal.incompleteTerms)
    return <IncompleteDraft goalId={id} goal={view.goal} onReload={() => void query.refetch()} />;
  if (!view || !terms)
    return (
      <>
        <BackToGoals />
        <QueryProblem query={query} />
        {query.isPending ? <p role="status">{t('loading')}</p> : null}
      </>
    );
  const goal = view.goal;
  const facts: [string, string][] = [
    [t('goal.description'), terms.description],
    [t('goal.stage'), labels.stage(terms.stage)],
    [t('goal.regions'), terms.regionKeys.map(regionName).join(', ')],
    [t('goal.baseline'), `${formatValue(terms.baseline.value, terms.unit)} (${formatDate(terms.baseline.date)})`],
    [
      t('goal.target'),
      `${formatValue(terms.target.value, terms.unit)} ${t('goal.by', { date: formatDate(terms.target.dueDate) })}`,
    ],
    [t('goal.direction'), t(`goal.directionValue.${terms.direction}`)],
    ...(terms.milestones.length > 0
      ? [
          [
            t('goal.milestones'),
            terms.milestones.map((m) => `${formatValue(m.value, terms.unit)} (${formatDate(m.date)})`).join('; '),
          ] as [string, string],
        ]
      : []),
    ...(terms.indicator
      ? [[t('goal.indicator'), `${terms.indicator.key}, ${regionName(terms.indicator.regionKey)}`] as [string, string]]
      : []),
    ...(goal.agreement
      ? [
          [
            t('goal.agreement'),
            `${goal.agreement.authority}, ${t('goal.effectiveOn', { date: formatDate(goal.agreement.effectiveOn) })}`,
          ] as [string, string],
        ]
      : []),
  ];
  return (
    <>
      <BackToGoals />
      <h1 className="kern-heading-large">{terms.title}</h1>
      <p className="goal-badges">
        <Badge kind="info">{labels.status(goal.status)}</Badge>{' '}
        {goal.assessment ? (
          <Badge kind={ASSESSMENT_BADGE[goal.assessment]}>{labels.assessment(goal.assessment)}</Badge>
        ) : null}
      </p>
      {goal.synthetic ? <SyntheticNotice /> : null}
      <FromIdea goal={goal} />
      {person.role !== 'actor' ? (
        <p>
          <Link className="kern-link" to={`/pruefung/ziele/${id}`}>
            {t('goal.auditLink')}
          </Link>
        </p>
      ) : null}
      {!view.integrity.intact ? (
        <Alert kind="danger" title={t('goal.tampered.title')}>
          <p className="kern-body">{t('goal.tampered.text')}</p>
        </Alert>
      ) : null}
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading" className="kern-heading-medium">
          {t('goal.terms')}
        </h2>
        <dl className="kern-description-list">
          {facts.map(([key, value]) => (
            <div className="kern-description-list-item" key={key}>
              <dt className="kern-description-list-item__key">{key}</dt>
              <dd className="kern-description-list-item__value">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="parties-heading">
        <h2 id="parties-heading" className="kern-heading-medium">
          {t('goal.parties')}
        </h2>
        <TableScroll label={t('goal.parties')}>
          <table className="kern-table kern-table--small" data-testid="parties-table">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('goal.party')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('goal.partyRoleLabel')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('goal.consent')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {terms.parties.map((party) => (
                <tr className="kern-table__row" key={party.id}>
                  <td className="kern-table__cell">
                    {view.actors[party.id] ? (
                      <Link className="kern-link" to={`/akteure/${party.id}`}>
                        {party.name}
                      </Link>
                    ) : (
                      t('goal.partyNotInDirectory', { name: party.name })
                    )}
                  </td>
                  <td className="kern-table__cell">{labels.partyRole(party.role)}</td>
                  <td className="kern-table__cell">
                    {goal.consents.includes(party.id)
                      ? t('goal.consentGiven')
                      : goal.status === 'proposed'
                        ? t('goal.consentAwaited')
                        : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      <GoalActions goal={goal} goalId={id} onReload={() => void query.refetch()} />
      {view.trajectory ? (
        <Suspense fallback={<p role="status">{t('loading')}</p>}>
          <TrajectoryChart trajectory={view.trajectory} progress={goal.progress} unit={terms.unit} />
        </Suspense>
      ) : null}
      <ProgressTable goalId={id} progress={goal.progress} count={view.progressSummary.count} unit={terms.unit} />
      <GoalMeasures goalId={id} />
    </>
  );
}
