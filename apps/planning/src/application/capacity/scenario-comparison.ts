import { PlanningStage } from '../../domain/capacity';
import { PlanRow, Verdict } from '../../domain/capacity-plan';
import { CapacityPlans } from './capacity-plans';
import { ScenarioAsRun } from './scenario.queries';

export interface ComparedFigures {
  readonly scenarioId: string;
  readonly demand: number | null;
  readonly supply: number;
  readonly balance: number | null;
  readonly verdict: Verdict;
  /** Demand and balance minus those of the first scenario; null where either has no figure. */
  readonly demandDifference: number | null;
  readonly balanceDifference: number | null;
}

export interface ComparisonRow {
  readonly regionKey: string;
  readonly stage: PlanningStage;
  readonly year: number;
  readonly figures: readonly ComparedFigures[];
}

export interface ScenarioComparison {
  readonly scenarios: readonly ScenarioAsRun[];
  readonly firstYear: number;
  readonly rows: readonly ComparisonRow[];
}

const minus = (value: number | null, base: number | null) => (value === null || base === null ? null : value - base);

/** Two or more scenarios side by side on the same inputs, each with its difference to the first. */
export async function compareScenarios(
  plans: CapacityPlans,
  scenarios: readonly { readonly scenarioId: string; readonly version?: number }[],
  request: { readonly regionKey?: string; readonly stage?: PlanningStage; readonly firstYear?: number },
): Promise<ScenarioComparison> {
  plans.requireRegion(request.regionKey);
  const inputs = await plans.loadInputs();
  const versions = await Promise.all(
    scenarios.map((entry) => plans.scenarios.version(entry.scenarioId, entry.version)),
  );
  const computed = versions.map((scenario) => plans.compute(scenario, inputs, request));
  const [base] = computed;
  const keyOf = (row: PlanRow) => `${row.regionKey}|${row.stage}|${row.year}`;
  const byKey = computed.map((plan) => new Map(plan.rows.map((row) => [keyOf(row), row])));
  const rows = (base?.rows ?? []).map((baseRow) => ({
    regionKey: baseRow.regionKey,
    stage: baseRow.stage,
    year: baseRow.year,
    figures: byKey.map((rowsOfPlan, index) => {
      const row = rowsOfPlan.get(keyOf(baseRow)) as PlanRow;
      return {
        scenarioId: (versions[index] as ScenarioAsRun).scenarioId,
        demand: row.demand,
        supply: row.supply,
        balance: row.balance,
        verdict: row.verdict,
        demandDifference: minus(row.demand, baseRow.demand),
        balanceDifference: minus(row.balance, baseRow.balance),
      };
    }),
  }));
  return { scenarios: versions, firstYear: base?.firstYear ?? 0, rows };
}
