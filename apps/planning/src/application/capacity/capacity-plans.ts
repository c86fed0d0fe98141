import { NotFoundError } from '@bildungsregion/application';
import { District } from '@bildungsregion/reference-data';
import { PLANNING_STAGES, PlanningStage } from '../../domain/capacity';
import { districtTotal, MeasureCapacity, PlanRow, planStage, RegionPlanInputs } from '../../domain/capacity-plan';
import { InstitutionSummary } from '../inventory/inventory.projections';
import { InventoryQueries } from '../inventory/inventory.queries';
import { MeasureQueries } from '../measures/measure.queries';
import { PlanningInputs } from './planning-inputs';
import { ScenarioAsRun, ScenarioQueries } from './scenario.queries';

export interface PlanRequest {
  readonly scenarioId: string;
  readonly version?: number;
  readonly regionKey?: string;
  readonly stage?: PlanningStage;
  readonly firstYear?: number;
}

/** The inputs of one computation: every municipality's figures with its institutions and measures. */
export interface PlanInputs {
  readonly regions: Map<string, RegionPlanInputs>;
  readonly institutions: readonly InstitutionSummary[];
  readonly measures: readonly MeasureCapacity[];
}

/** A computed plan: its scenario version, the years it starts from and one row per region, stage and year. */
export interface CapacityPlan {
  readonly scenario: ScenarioAsRun;
  readonly firstYear: number;
  readonly rows: readonly PlanRow[];
}

/** The Kita year planned first: the one starting next 1 August (this year's until August). */
export function comingKitaYear(today: Date): number {
  return today.getUTCMonth() >= 7 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
}

/** Computes capacity plans from planning's inputs, institutions and scenarios. */
export class CapacityPlans {
  constructor(
    private readonly inputs: PlanningInputs,
    private readonly inventory: InventoryQueries,
    private readonly measureQueries: MeasureQueries,
    readonly scenarios: ScenarioQueries,
    readonly district: District,
    /** Resolves once the inputs, institutions and scenarios hold everything stored so far: a plan never misses a change just made. */
    private readonly readModelsCurrent: () => Promise<void>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async plan(request: PlanRequest): Promise<CapacityPlan> {
    this.requireRegion(request.regionKey);
    const inputs = await this.loadInputs();
    const scenario = await this.scenarios.version(request.scenarioId, request.version);
    return this.compute(scenario, inputs, request);
  }

  /** A plan asked for a region the district does not have is a 404, not an empty plan. */
  requireRegion(regionKey: string | undefined): void {
    if (regionKey !== undefined && !this.district.regionOf(regionKey))
      throw new NotFoundError(`The ${this.district.outside(regionKey)}.`, 'region-not-found', 'Region not found');
  }

  /**
   * Reads what a plan is computed from, once the read models caught up (so scenarios read afterwards
   * are current too); several scenarios are then compared on the same figures.
   */
  async loadInputs(): Promise<PlanInputs> {
    await this.readModelsCurrent();
    const keys = this.district.municipalities.map((region) => region.key);
    const [regions, institutions, measures] = await Promise.all([
      this.inputs.byRegion(keys, this.district.region.key),
      this.inventory.allInstitutions(),
      this.measureQueries.withEffect(),
    ]);
    const regionOfInstitution = new Map(institutions.map((institution) => [institution.id, institution.regionKey]));
    for (const institution of institutions) {
      const region = regions.get(institution.regionKey);
      if (!region) continue;
      regions.set(institution.regionKey, {
        ...region,
        institutions: [
          ...region.institutions,
          {
            institutionId: institution.id,
            name: institution.name,
            primarySchool: institution.type === 'grundschule',
            changes: institution.capacity,
            ...(institution.closedFrom ? { closedFrom: institution.closedFrom } : {}),
          },
        ],
      });
    }
    // A measure counts where its institution is, even when it was planned for the whole district.
    for (const measure of measures) {
      const region = regions.get(regionOfInstitution.get(measure.effect.institutionId) ?? '');
      if (region) regions.set(region.regionKey, { ...region, measures: [...region.measures, measure] });
    }
    return { regions, institutions, measures };
  }

  compute(scenario: ScenarioAsRun, inputs: PlanInputs, request: Omit<PlanRequest, 'scenarioId'>): CapacityPlan {
    const firstYear = request.firstYear ?? comingKitaYear(this.now());
    const stages = request.stage ? [request.stage] : PLANNING_STAGES;
    const districtKey = this.district.region.key;
    const rows: PlanRow[] = [];
    for (const stage of stages) {
      const municipal = [...inputs.regions.values()].flatMap((region) =>
        planStage(region, stage, scenario.assumptions, firstYear),
      );
      if (request.regionKey === undefined || request.regionKey !== districtKey)
        rows.push(...municipal.filter((row) => request.regionKey === undefined || row.regionKey === request.regionKey));
      if (request.regionKey === undefined || request.regionKey === districtKey) {
        const years = [...new Set(municipal.map((row) => row.year))];
        const groupSize = scenario.assumptions.groupSize[stage];
        rows.push(
          ...years.map((year) =>
            districtTotal(
              districtKey,
              municipal.filter((row) => row.year === year),
              groupSize,
            ),
          ),
        );
      }
    }
    return { scenario, firstYear, rows };
  }
}
