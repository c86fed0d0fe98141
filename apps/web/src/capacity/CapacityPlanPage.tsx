import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { QueryProblem } from '../goals/QueryProblem';
import { formatTimestamp } from '../lib/format';
import { saveFile } from '../lib/save-file';
import { usePerson } from '../shell/AuthProvider';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { useAddressQuery } from '../shell/url-filters';
import { Alert, SelectField, TableScroll, TextField } from '../shell/ui';
import {
  BASELINE_SCENARIO,
  nkitagCsv,
  PLANNING_STAGES,
  PlanningStage,
  PlanRow,
  planCsv,
  planRunCsv,
  useCapacityPlan,
  usePlanRuns,
  useRecordPlanRun,
  useScenarios,
} from './capacity-queries';
import { useCapacityLabels } from './labels';

/** The stage and scenario of the plan (and the comparison's choices), kept in the address so a view can be shared. */
export function usePlanChoice() {
  const { params, update } = useAddressQuery();
  const stage = (PLANNING_STAGES as readonly string[]).includes(params.get('stufe') ?? '')
    ? (params.get('stufe') as PlanningStage)
    : 'krippe';
  const scenario = params.get('szenario') ?? BASELINE_SCENARIO;
  const choose = (name: 'stufe' | 'szenario' | 'vergleich' | 'gebiet', value: string) =>
    update((next) => next.set(name, value), { replace: true });
  return { stage, scenario, params, choose };
}

/** A balance in words with its colour; colour never says it alone. */
export function BalanceCell({ row }: { row: PlanRow }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const starting = row.sources.measures.filter((measure) => measure.takesEffect);
  return (
    <>
      <span className={`balance balance--${row.verdict}`}>{labels.balance(row.balance, row.verdict)}</span>
      {starting.length > 0 ? (
        <span
          className="measure-mark"
          title={t('measures.takesEffectTitle', { titles: starting.map((measure) => measure.title).join(', ') })}
        >
          {' '}
          {t('measures.takesEffect')}
        </span>
      ) : null}
    </>
  );
}

/** The 1 October whose figures § 21 NKiTaG reports next: this year's once it has passed. */
function latestReferenceYear(): number {
  const now = new Date();
  return now.getMonth() >= 9 ? now.getFullYear() : now.getFullYear() - 1;
}

/** Kapazitätsplanung: the balance of every municipality and year for a stage and scenario, with exports. */
export function CapacityPlanPage() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  usePageTitle(t('capacity.plan'));
  const { stage, scenario, params, choose } = usePlanChoice();
  const scenarios = useScenarios();
  const plan = useCapacityPlan({ scenario, stage });
  useDataReady(Boolean(plan.data && scenarios.data));
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const rows = plan.data?.rows ?? [];
  const years = [...new Set(rows.map((row) => row.year))].sort();
  const districtKey = rows.find((row) => row.missingRegions !== undefined)?.regionKey;
  const planned = [...new Set(rows.filter((row) => row.demand !== null).map((row) => row.regionKey))];
  const regionKeys = [
    ...(districtKey ? [districtKey] : []),
    ...planned
      .filter((key) => key !== districtKey)
      .sort((a, b) => labels.region(a).localeCompare(labels.region(b), 'de')),
  ];
  const withoutPopulation = [...new Set(rows.map((row) => row.regionKey))].filter(
    (key) => key !== districtKey && !planned.includes(key),
  ).length;
  const scenarioName = scenarios.data?.items.find((item) => item.id === scenario)?.name ?? scenario;
  const exporting = async (make: () => Promise<Blob>, name: string) => {
    setExportProblem(null);
    try {
      saveFile(await make(), name);
    } catch (error) {
      setExportProblem(error instanceof ApiError ? error.problem.detail : String(error));
    }
  };
  const referenceYear = latestReferenceYear();
  return (
    <>
      <h1 className="kern-heading-large">{t('capacity.plan')}</h1>
      <p className="kern-body">{t('capacity.planIntro')}</p>
      <p>
        <Link className="kern-link" to={`/kapazitaetsplanung/szenarien?${params.toString()}`}>
          {t('capacity.compareScenarios')}
        </Link>
      </p>
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
      {plan.data ? (
        <>
          <TableScroll label={t('capacity.planCaption', { stage: labels.stage(stage), scenario: scenarioName })}>
            <table className="kern-table" data-testid="capacity-plan">
              <caption className="kern-sr-only">
                {t('capacity.planCaption', { stage: labels.stage(stage), scenario: scenarioName })}
              </caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('capacity.region')}
                  </th>
                  {years.map((year) => (
                    <th scope="col" className="kern-table__header" key={year}>
                      {labels.year(year)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {regionKeys.map((regionKey) => (
                  <tr className="kern-table__row" key={regionKey}>
                    <th scope="row" className="kern-table__cell">
                      <Link
                        className="kern-link"
                        to={`/kapazitaetsplanung/gemeinden/${regionKey}?${params.toString()}`}
                      >
                        {labels.region(regionKey)}
                      </Link>
                    </th>
                    {years.map((year) => {
                      const row = rows.find((entry) => entry.regionKey === regionKey && entry.year === year);
                      return (
                        <td className="kern-table__cell" key={year}>
                          {row ? <BalanceCell row={row} /> : '–'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {withoutPopulation > 0 ? (
            <p className="kern-hint">{t('capacity.withoutPopulation', { count: withoutPopulation })}</p>
          ) : null}
        </>
      ) : null}
      {exportProblem ? <Alert kind="danger" title={exportProblem} /> : null}
      <div className="row-actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void exporting(() => planCsv({ scenario, stage }), `kapazitaetsplan-${stage}-${scenario}.csv`)}
        >
          <span className="kern-label">{t('capacity.exportPlan')}</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() => void exporting(() => nkitagCsv(referenceYear), `nkitag-21-${referenceYear}-10-01.csv`)}
        >
          <span className="kern-label">
            {t('capacity.exportNkitag')} – {t('capacity.nkitagYear')} {referenceYear}
          </span>
        </button>
      </div>
      {person.role === 'coordinator' || person.role === 'admin' ? (
        <RecordPlanRun scenarioIds={(scenarios.data?.items ?? []).map((item) => item.id)} />
      ) : null}
      <PlanRuns />
    </>
  );
}

/** Planstand festhalten: the figures of every active scenario, kept unchanged for a committee. */
function RecordPlanRun({ scenarioIds }: { scenarioIds: readonly string[] }) {
  const { t } = useTranslation();
  const record = useRecordPlanRun();
  const [purpose, setPurpose] = useState('');
  const [done, setDone] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDone(false);
    try {
      await record.mutateAsync({ purpose, scenarios: scenarioIds.slice(0, 4).map((scenarioId) => ({ scenarioId })) });
      setPurpose('');
      setDone(true);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading" className="kern-heading-medium">
        {t('capacity.recordRun')}
      </h2>
      {done ? <Alert kind="success" title={t('capacity.runRecorded')} /> : null}
      <form className="step-form" aria-labelledby="record-heading" onSubmit={(event) => void submit(event)} noValidate>
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        <TextField
          label={t('capacity.purpose')}
          hint={t('capacity.recordRunHint')}
          name="purpose"
          required
          value={purpose}
          onChange={setPurpose}
          error={fieldErrors['purpose']}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={record.isPending}>
          <span className="kern-label">{t('capacity.recordRun')}</span>
        </button>
      </form>
    </section>
  );
}

function PlanRuns() {
  const { t } = useTranslation();
  const runs = usePlanRuns();
  const items = runs.data?.items ?? [];
  return (
    <section aria-labelledby="runs-heading">
      <h2 id="runs-heading" className="kern-heading-medium">
        {t('capacity.runs')}
      </h2>
      <QueryProblem query={runs} />
      {items.length === 0 ? (
        <p className="kern-body">{t('capacity.noRuns')}</p>
      ) : (
        <ul className="kern-list" aria-label={t('capacity.runsCaption')}>
          {items.map((run) => (
            <li key={run.id}>
              {run.purpose} – {t('capacity.recordedAt')} {formatTimestamp(run.recordedAt)} {t('capacity.recordedBy')}{' '}
              {run.recordedBy} (
              {run.scenarios
                .map((entry) => `${entry.name}, ${t('capacity.version', { version: entry.version })}`)
                .join('; ')}
              ){' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary"
                onClick={() => void planRunCsv(run.id).then((blob) => saveFile(blob, `planstand-${run.id}.csv`))}
              >
                <span className="kern-label">{t('capacity.downloadRun')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
