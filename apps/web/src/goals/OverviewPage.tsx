import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatTimestamp } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, Badge, SyntheticNotice, TableScroll } from '../shell/ui';
import { ASSESSMENTS, EDUCATION_STAGES, EducationStage, GOAL_STATUSES, GoalSummary } from './goal-types';
import { useDashboard, useGoalList, useShowsSampleGoals } from './goal-queries';
import { useImports } from '../monitoring/monitoring-queries';
import { RegionSelect, StageSelect } from './filters';
import { ASSESSMENT_BADGE, useGoalLabels } from './labels';
import { AssessmentChart } from './AssessmentChart';
import { QueryProblem } from './QueryProblem';
import { useAddressQuery } from '../shell/url-filters';

function CountTable({ caption, rows }: { caption: string; rows: { label: string; count: number }[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={caption}>
      <table className="kern-table kern-table--small">
        <caption className="kern-title">{caption}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('overview.category')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('overview.count')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr className="kern-table__row" key={row.label}>
              <th scope="row" className="kern-table__cell">
                {row.label}
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(row.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function GoalsAtRisk({ region, stage }: { region: string; stage: string }) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const filters = { ...(region ? { region } : {}), ...(stage ? { stage: stage as EducationStage } : {}), limit: 10 };
  const atRisk = useGoalList({ ...filters, assessment: 'at-risk' });
  const offTrack = useGoalList({ ...filters, assessment: 'off-track' });
  const goals: GoalSummary[] = [...(offTrack.data?.items ?? []), ...(atRisk.data?.items ?? [])];
  return (
    <section aria-labelledby="at-risk-heading">
      <h2 id="at-risk-heading" className="kern-heading-medium">
        {t('overview.atRisk')}
      </h2>
      <QueryProblem query={atRisk} />
      {goals.length === 0 && atRisk.isSuccess && offTrack.isSuccess ? (
        <p className="kern-body">{t('overview.noneAtRisk')}</p>
      ) : null}
      <ul className="kern-list">
        {goals.map((goal) => (
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

function LatestImports() {
  const { t } = useTranslation();
  const person = usePerson();
  const imports = useImports(person.role !== 'actor');
  if (person.role === 'actor') return null;
  const latest = (imports.data ?? []).slice(0, 5);
  return (
    <section aria-labelledby="imports-heading">
      <h2 id="imports-heading" className="kern-heading-medium">
        {t('overview.imports')}
      </h2>
      <QueryProblem query={imports} />
      {imports.isSuccess && latest.length === 0 ? <p className="kern-body">{t('overview.noImports')}</p> : null}
      {latest.length > 0 ? (
        <TableScroll label={t('overview.imports')}>
          <table className="kern-table kern-table--small">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('overview.importFile')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('overview.importedAt')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('overview.recorded')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('overview.rejected')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {latest.map((report) => (
                <tr className="kern-table__row" key={report.id}>
                  <td className="kern-table__cell">{report.fileName}</td>
                  <td className="kern-table__cell">{formatTimestamp(report.importedAt)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(report.recorded)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(report.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

/** Übersicht: the goals by status, assessment and Bildungsbereich, what is at risk, and the latest imports. */
export function OverviewPage() {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  usePageTitle(t('overview.title'));
  const showsSampleGoals = useShowsSampleGoals();
  const { params, update } = useAddressQuery();
  const region = params.get('region') ?? '';
  const stage = params.get('stage') ?? '';
  const setFilter = (name: string, value: string) =>
    update((next) => (value ? next.set(name, value) : next.delete(name)), { replace: true });
  const dashboard = useDashboard({
    ...(region ? { region } : {}),
    ...(stage ? { stage: stage as EducationStage } : {}),
  });
  const counts = dashboard.data;
  useDataReady(counts !== undefined);
  const assessmentRows = ASSESSMENTS.map((assessment) => ({
    label: labels.assessment(assessment),
    count: counts?.byAssessment[assessment] ?? 0,
  }));
  return (
    <>
      <h1 className="kern-heading-large">{t('overview.title')}</h1>
      {showsSampleGoals ? <SyntheticNotice /> : null}
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <RegionSelect value={region} onChange={(value) => setFilter('region', value)} />
        <StageSelect value={stage} onChange={(value) => setFilter('stage', value)} />
      </form>
      <QueryProblem query={dashboard} />
      {counts ? (
        <>
          <p className="kern-body kern-body--large" data-testid="goal-total">
            {t('overview.total', { count: counts.total })}
          </p>
          <div className="overview-grid">
            <CountTable
              caption={t('overview.byStatus')}
              rows={GOAL_STATUSES.map((status) => ({
                label: labels.status(status),
                count: counts.byStatus[status] ?? 0,
              }))}
            />
            <div>
              <AssessmentChart rows={assessmentRows} />
              <CountTable caption={t('overview.byAssessment')} rows={assessmentRows} />
            </div>
            <CountTable
              caption={t('overview.byStage')}
              rows={EDUCATION_STAGES.map((value) => ({
                label: labels.stage(value),
                count: counts.byStage[value] ?? 0,
              }))}
            />
          </div>
        </>
      ) : dashboard.isPending ? (
        <p className="kern-body" role="status">
          {t('loading')}
        </p>
      ) : null}
      <GoalsAtRisk region={region} stage={stage} />
      <LatestImports />
      {counts && counts.total === 0 ? <Alert kind="info" title={t('overview.empty')} /> : null}
    </>
  );
}
