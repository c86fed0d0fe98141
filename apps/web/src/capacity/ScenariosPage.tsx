import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { QueryProblem } from '../goals/QueryProblem';
import { formatNumber } from '../lib/format';
import { saveFile } from '../lib/save-file';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, CheckboxGroup, SelectField, TableScroll } from '../shell/ui';
import { usePlanChoice } from './CapacityPlanPage';
import { ArchiveScenarioForm } from './ArchiveScenarioForm';
import {
  BASELINE_SCENARIO,
  comparisonCsv,
  PLANNING_STAGES,
  Scenario,
  useComparison,
  useScenarios,
} from './capacity-queries';
import { useCapacityLabels } from './labels';
import { NewScenarioForm } from './NewScenarioForm';

const DISTRICT = '03459';

/** A scenario's assumptions in words, for the committee paper beside its text. */
function useAssumptionsInWords() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  return (scenario: Scenario) => {
    const { assumptions } = scenario;
    const words: string[] = [];
    if (assumptions.birthsChangePercent !== 0)
      words.push(t('capacity.assumptionBirths', { value: formatNumber(assumptions.birthsChangePercent, 1) }));
    if (assumptions.migrationPercent !== 0)
      words.push(t('capacity.assumptionMigration', { value: formatNumber(assumptions.migrationPercent, 1) }));
    for (const stage of PLANNING_STAGES) {
      const rate = assumptions.participation[stage];
      if (rate !== undefined)
        words.push(t('capacity.assumptionRate', { stage: labels.stage(stage), value: formatNumber(rate, 1) }));
      const buffer = assumptions.bufferPercent[stage];
      if (buffer)
        words.push(t('capacity.assumptionBuffer', { stage: labels.stage(stage), value: formatNumber(buffer, 1) }));
    }
    for (const area of assumptions.buildingAreas)
      words.push(
        t('capacity.assumptionArea', {
          name: area.name,
          region: labels.region(area.regionKey),
          children: area.children,
          year: labels.year(area.fromYear),
        }),
      );
    return words.length > 0 ? words : [t('capacity.assumptionNone')];
  };
}

/** Szenarien: each with its text and assumptions; two or more chosen are compared side by side. */
export function ScenariosPage() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const inWords = useAssumptionsInWords();
  usePageTitle(t('capacity.scenarios'));
  const { stage, params, choose: set } = usePlanChoice();
  const scenarios = useScenarios();
  const chosen = (params.get('vergleich') ?? BASELINE_SCENARIO).split(',').filter(Boolean);
  const regionKey = params.get('gebiet') ?? DISTRICT;
  const query = { scenarios: chosen, stage, regionKey };
  const comparison = useComparison(query);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [archived, setArchived] = useState<string | null>(null);
  const plans = person.role === 'coordinator' || person.role === 'admin';
  useDataReady(Boolean(scenarios.data) && (chosen.length < 2 || Boolean(comparison.data)));
  const items = scenarios.data?.items ?? [];
  const compared = chosen.flatMap((id) => items.filter((item) => item.id === id));
  const exportComparison = async () => {
    setExportProblem(null);
    try {
      saveFile(await comparisonCsv(query), `szenarienvergleich-${stage}-${regionKey}.csv`);
    } catch (error) {
      setExportProblem(error instanceof ApiError ? error.problem.detail : String(error));
    }
  };
  return (
    <>
      <p>
        <Link className="kern-link" to="/kapazitaetsplanung">
          {t('capacity.backToPlan')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('capacity.scenarios')}</h1>
      <p className="kern-body">{t('capacity.scenariosIntro')}</p>
      <QueryProblem query={scenarios} />
      <form className="filters" aria-label={t('capacity.comparison')} onSubmit={(event) => event.preventDefault()}>
        <CheckboxGroup
          label={t('capacity.compare')}
          name="scenarios"
          values={chosen}
          onChange={(values) => set('vergleich', values.join(','))}
          options={items.map((item) => ({ value: item.id, label: item.name }))}
        />
        <SelectField
          label={t('capacity.planStage')}
          name="stage"
          value={stage}
          onChange={(value) => set('stufe', value)}
          options={PLANNING_STAGES.map((value) => ({ value, label: labels.stage(value) }))}
        />
        <SelectField
          label={t('capacity.region')}
          name="regionKey"
          value={regionKey}
          onChange={(value) => set('gebiet', value)}
          options={labels.regions.map((region) => ({ value: region.key, label: region.name }))}
        />
      </form>
      {archived ? <Alert kind="success" title={t('capacity.archived', { name: archived })} /> : null}
      <div className="scenario-cards">
        {compared.map((scenario) => (
          <article className="scenario-card" key={scenario.id} aria-labelledby={`scenario-${scenario.id}`}>
            <h2 id={`scenario-${scenario.id}`} className="kern-heading-small">
              {scenario.name}{' '}
              <span className="kern-body kern-body--muted">
                ({t('capacity.version', { version: scenario.version })})
              </span>
            </h2>
            <p className="kern-body">{scenario.description}</p>
            <h3 className="kern-label">{t('capacity.assumptions')}</h3>
            <ul className="kern-list">
              {inWords(scenario).map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
            {plans && scenario.id !== BASELINE_SCENARIO ? (
              <ArchiveScenarioForm
                scenarioId={scenario.id}
                onArchived={() => {
                  setArchived(scenario.name);
                  set('vergleich', chosen.filter((id) => id !== scenario.id).join(','));
                }}
              />
            ) : null}
          </article>
        ))}
      </div>
      {chosen.length < 2 ? <Alert kind="info" title={t('capacity.chooseTwo')} /> : null}
      <QueryProblem query={comparison} />
      {chosen.length >= 2 && comparison.data ? (
        <>
          <TableScroll label={t('capacity.comparisonCaption')}>
            <table className="kern-table" data-testid="scenario-comparison">
              <caption className="kern-sr-only">{t('capacity.comparisonCaption')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('capacity.year')}
                  </th>
                  {comparison.data.scenarios.map((scenario, index) => (
                    <th scope="col" className="kern-table__header" key={`${scenario.scenarioId}-${scenario.version}`}>
                      {scenario.name}: {t('capacity.demand')} / {t('capacity.balance')}
                      {index > 0 ? ` (${t('capacity.difference')})` : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {comparison.data.rows.map((row) => (
                  <tr className="kern-table__row" key={`${row.regionKey}-${row.year}`}>
                    <th scope="row" className="kern-table__cell">
                      {labels.year(row.year)}
                    </th>
                    {row.figures.map((figures, index) => (
                      <td className="kern-table__cell" key={figures.scenarioId + index}>
                        {figures.demand === null ? '–' : formatNumber(figures.demand, 0)} /{' '}
                        <span className={`balance balance--${figures.verdict}`}>
                          {labels.balance(figures.balance, figures.verdict)}
                        </span>
                        {index > 0 && figures.balanceDifference !== null
                          ? ` (${figures.balanceDifference > 0 ? '+' : figures.balanceDifference < 0 ? '−' : '±'}${formatNumber(Math.abs(figures.balanceDifference), 0)})`
                          : ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {exportProblem ? <Alert kind="danger" title={exportProblem} /> : null}
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void exportComparison()}>
            <span className="kern-label">{t('capacity.exportComparison')}</span>
          </button>
        </>
      ) : null}
      {plans ? <NewScenarioForm /> : null}
    </>
  );
}
