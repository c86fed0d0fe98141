import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { formatNumber } from '../lib/format';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, SelectField, TableScroll } from '../shell/ui';
import { BalanceCell, usePlanChoice } from './CapacityPlanPage';
import { PLANNING_STAGES, PlanRow, useCapacityPlan, useScenarios } from './capacity-queries';
import { useCapacityLabels } from './labels';

// The chart brings Observable Plot and d3; it loads after the table.
const PlanChart = lazy(() => import('./PlanChart').then((module) => ({ default: module.PlanChart })));

/** Where a row's figures came from: children and rate in words, the institutions behind the places on demand. */
function Sources({ row }: { row: PlanRow }) {
  const { t } = useTranslation();
  const { children, participation, supply, measures } = row.sources;
  const parts: string[] = [];
  if (children)
    parts.push(
      children.rolledYears === 0
        ? t('capacity.sourceChildren', { period: children.basePeriod })
        : t('capacity.sourceRolled', { period: children.basePeriod, count: children.rolledYears }),
    );
  if (children && children.buildingAreas.length > 0)
    parts.push(t('capacity.sourceAreas', { names: children.buildingAreas.join(', ') }));
  parts.push(
    participation.kind === 'measurement'
      ? t('capacity.sourceMeasured', { period: String(participation['period']) })
      : t(participation.kind === 'assumption' ? 'capacity.sourceAssumed' : 'capacity.sourceDefault'),
  );
  return (
    <>
      {parts.join('; ')}
      {supply.length > 0 ? (
        <details>
          <summary>{t('capacity.sourceInstitutions', { count: supply.length })}</summary>
          <ul className="kern-list">
            {supply.map((entry) => (
              <li key={entry.institutionId}>
                {entry.name}: {entry.places}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {measures.length > 0 ? (
        <details>
          <summary>{t('measures.sourceMeasures', { count: measures.length })}</summary>
          <ul className="kern-list">
            {measures.map((entry) => (
              <li key={entry.measureId}>
                <Link className="kern-link" to={`/massnahmen/${entry.measureId}`}>
                  {entry.title}
                </Link>
                : +{entry.places} ({t(`measures.statuses.${entry.status}`)})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** One municipality's plan for a stage: demand against places as a chart and as a table with the sources. */
export function MunicipalityPlanPage() {
  const { regionKey = '' } = useParams();
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const { stage, scenario, params, choose } = usePlanChoice();
  const scenarios = useScenarios();
  const plan = useCapacityPlan({ scenario, stage, regionKey });
  const region = labels.region(regionKey);
  usePageTitle(t('capacity.municipalityTitle', { region, stage: labels.stage(stage) }));
  useDataReady(Boolean(plan.data));
  const rows = plan.data?.rows ?? [];
  const missing = rows.find((row) => row.missingRegions)?.missingRegions;
  return (
    <>
      <p>
        <Link className="kern-link" to={`/kapazitaetsplanung?${params.toString()}`}>
          {t('capacity.backToPlan')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('capacity.municipalityTitle', { region, stage: labels.stage(stage) })}</h1>
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t('capacity.planStage')}
          name="stage"
          value={stage}
          onChange={(value) => choose('stufe', value)}
          options={PLANNING_STAGES.map((value) => ({ value, label: labels.stage(value) }))}
        />
        <SelectField
          label={t('capacity.scenario')}
          name="scenario"
          value={scenario}
          onChange={(value) => choose('szenario', value)}
          options={(scenarios.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
        />
      </form>
      <QueryProblem query={plan} />
      {missing ? <Alert kind="info" title={t('capacity.missingRegions', { count: missing })} /> : null}
      {rows.length > 0 ? (
        <>
          <Suspense fallback={null}>
            <PlanChart rows={rows} region={region} stage={labels.stage(stage)} />
          </Suspense>
          <TableScroll label={t('capacity.municipalityCaption')}>
            <table className="kern-table" data-testid="municipality-plan">
              <caption className="kern-sr-only">{t('capacity.municipalityCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('capacity.year')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('capacity.children')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('capacity.rate')}
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
                    {t('capacity.coverage')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('capacity.groupsNeeded')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('capacity.missingGroups')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('capacity.sources')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {rows.map((row) => (
                  <tr className="kern-table__row" key={row.year}>
                    <th scope="row" className="kern-table__cell">
                      {labels.year(row.year)}
                    </th>
                    <td className="kern-table__cell">{row.children === null ? '–' : formatNumber(row.children, 1)}</td>
                    <td className="kern-table__cell">{formatNumber(row.participation, 1)} %</td>
                    <td className="kern-table__cell">{row.demand === null ? '–' : formatNumber(row.demand, 0)}</td>
                    <td className="kern-table__cell">{formatNumber(row.supply, 0)}</td>
                    <td className="kern-table__cell">
                      <BalanceCell row={row} />
                    </td>
                    <td className="kern-table__cell">
                      {row.coverage === null ? '–' : `${formatNumber(row.coverage, 1)} %`}
                    </td>
                    <td className="kern-table__cell">{row.groupsNeeded ?? '–'}</td>
                    <td className="kern-table__cell">{row.missingGroups}</td>
                    <td className="kern-table__cell">
                      <Sources row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}
    </>
  );
}
