import {
  Assumptions,
  CapacityChange,
  capacityOn,
  DEFAULT_PARTICIPATION,
  PLAN_HORIZON,
  PlanningStage,
} from './capacity';
import { CapacityEffect, MeasureStatus } from './measure';

/** Children of one age on 31 December of a year, as monitoring measured (or projected) them. */
export interface PopulationFigure {
  readonly year: number;
  readonly age: number;
  readonly value: number;
  readonly measurementId: string;
}

/** A measured Betreuungsquote, in percent. */
export interface MeasuredRate {
  readonly value: number;
  readonly period: string;
  readonly regionKey: string;
  readonly measurementId: string;
}

/** An institution as the plan counts it. */
export interface InstitutionCapacity {
  readonly institutionId: string;
  readonly name: string;
  /** A Grundschule: its streams count in the primary-school stage. */
  readonly primarySchool: boolean;
  readonly changes: readonly CapacityChange[];
  readonly closedFrom?: string;
}

/** A measure with a capacity effect at one of the municipality's institutions. */
export interface MeasureCapacity {
  readonly measureId: string;
  readonly title: string;
  readonly status: Exclude<MeasureStatus, 'dropped'>;
  readonly effect: CapacityEffect;
}

/** Everything the plan of one municipality is computed from. */
export interface RegionPlanInputs {
  readonly regionKey: string;
  readonly population: readonly PopulationFigure[];
  readonly rates: Partial<Record<'krippe' | 'kindergarten', MeasuredRate>>;
  readonly institutions: readonly InstitutionCapacity[];
  readonly measures: readonly MeasureCapacity[];
}

/** A measure the supply of a row counts; `takesEffect` marks the first plan year it counts in. */
export interface CountedMeasure {
  readonly measureId: string;
  readonly title: string;
  readonly status: MeasureCapacity['status'];
  readonly institutionId: string;
  readonly places: number;
  readonly takesEffect: boolean;
}

export type RateSource =
  | {
      readonly kind: 'measurement';
      readonly measurementId: string;
      readonly period: string;
      readonly regionKey: string;
    }
  | { readonly kind: 'assumption' }
  | { readonly kind: 'default' };

/** Where a row's figures came from, so every number can be traced. */
export interface RowSources {
  readonly children: {
    /** The last year of complete population figures the cohorts are rolled from. */
    readonly basePeriod: number;
    readonly rolledYears: number;
    readonly measurementIds: readonly string[];
    readonly buildingAreas: readonly string[];
  } | null;
  readonly participation: RateSource;
  readonly supply: readonly { readonly institutionId: string; readonly name: string; readonly places: number }[];
  readonly measures: readonly CountedMeasure[];
}

export type Verdict = 'covered' | 'tight' | 'shortfall' | 'no-population';

export interface PlanRow {
  readonly regionKey: string;
  readonly stage: PlanningStage;
  /** The Kita or school year starting 1 August of this year. */
  readonly year: number;
  readonly children: number | null;
  readonly participation: number;
  readonly demand: number | null;
  readonly supply: number;
  readonly balance: number | null;
  /** Supply per 100 places of demand. */
  readonly coverage: number | null;
  readonly groupsNeeded: number | null;
  readonly missingGroups: number;
  readonly verdict: Verdict;
  /** On the district's row: municipalities without population figures, left out of its demand. */
  readonly missingRegions?: number;
  readonly sources: RowSources;
}

const AGES = 11;
const round1 = (value: number) => Math.round(value * 10) / 10;

/** The latest year up to `year` with figures for every age 0 to 10. */
function basePeriod(population: readonly PopulationFigure[], year: number): number | null {
  const ages = new Map<number, Set<number>>();
  for (const figure of population) {
    if (figure.year > year) continue;
    const seen = ages.get(figure.year) ?? new Set<number>();
    seen.add(figure.age);
    ages.set(figure.year, seen);
  }
  const complete = [...ages].filter(([, seen]) => seen.size === AGES).map(([period]) => period);
  return complete.length === 0 ? null : Math.max(...complete);
}

/**
 * Children of every age 0–10 on 31 December of `year`: rolled forward one age a year from the base
 * period with the migration rate; cohorts born after it start from the base year's births changed by
 * the births assumption; building areas add their children from their first year.
 */
export function cohortsAt(inputs: RegionPlanInputs, assumptions: Assumptions, year: number) {
  const base = basePeriod(inputs.population, year);
  if (base === null) return null;
  const figures = inputs.population.filter((figure) => figure.year === base);
  const atBase = (age: number) => figures.find((figure) => figure.age === age)?.value ?? 0;
  const rolled = year - base;
  const migration = 1 + assumptions.migrationPercent / 100;
  const births = atBase(0) * (1 + assumptions.birthsChangePercent / 100);
  // The building area's first plan year Y counts children on 31 December Y-1.
  const areas = assumptions.buildingAreas.filter(
    (area) => area.regionKey === inputs.regionKey && area.fromYear <= year + 1,
  );
  const perAge = areas.reduce((sum, area) => sum + area.children / AGES, 0);
  const children = Array.from({ length: AGES }, (_, age) =>
    age >= rolled ? atBase(age - rolled) * migration ** rolled + perAge : births * migration ** age + perAge,
  );
  return {
    children,
    basePeriod: base,
    rolledYears: rolled,
    measurementIds: figures.map((figure) => figure.measurementId).sort(),
    buildingAreas: areas.map((area) => area.name),
  };
}

/** Children of a stage in the year starting 1 August `year`, from the ages on 31 December before. */
export function stageChildren(stage: PlanningStage, ages: readonly number[], entryShare: number): number {
  const sum = (from: number, to: number) => ages.slice(from, to + 1).reduce((total, value) => total + value, 0);
  switch (stage) {
    case 'krippe':
      return sum(0, 2);
    case 'kindergarten':
      // Children of age 5 born after September stay one more year; those born before it start school.
      return sum(3, 4) + (1 - entryShare) * (ages[5] ?? 0);
    case 'grundschule':
    case 'hort':
      return entryShare * sum(5, 8) + (1 - entryShare) * sum(6, 9);
  }
}

function participation(
  stage: PlanningStage,
  inputs: RegionPlanInputs,
  assumptions: Assumptions,
): { rate: number; source: RateSource } {
  const assumed = assumptions.participation[stage];
  if (assumed !== undefined) return { rate: assumed, source: { kind: 'assumption' } };
  const measured = stage === 'krippe' || stage === 'kindergarten' ? inputs.rates[stage] : undefined;
  if (measured) {
    const { measurementId, period, regionKey } = measured;
    return { rate: measured.value, source: { kind: 'measurement', measurementId, period, regionKey } };
  }
  return { rate: DEFAULT_PARTICIPATION[stage], source: { kind: 'default' } };
}

function supplyOf(stage: PlanningStage, inputs: RegionPlanInputs, assumptions: Assumptions, year: number) {
  const day = `${year}-08-01`;
  const sources: { institutionId: string; name: string; places: number }[] = [];
  const open = new Set<string>();
  for (const institution of inputs.institutions) {
    const capacity = capacityOn(institution.changes, day, institution.closedFrom);
    if (!capacity) continue;
    open.add(institution.institutionId);
    const places =
      stage === 'grundschule'
        ? institution.primarySchool
          ? (capacity.streams ?? 0) * 4 * assumptions.groupSize.grundschule
          : 0
        : (capacity.places[stage]?.approved ?? 0);
    if (places > 0) sources.push({ institutionId: institution.institutionId, name: institution.name, places });
  }
  const measures = countedMeasures(stage, inputs, assumptions, year, open);
  const places = [...sources, ...measures].reduce((total, source) => total + source.places, 0);
  return { supply: places, sources, measures };
}

/**
 * Approved and implemented measures (planned ones too where the scenario says so) add their places
 * from the first 1 August on or after their effective date, as long as their institution operates.
 */
function countedMeasures(
  stage: PlanningStage,
  inputs: RegionPlanInputs,
  assumptions: Assumptions,
  year: number,
  operating: ReadonlySet<string>,
): CountedMeasure[] {
  const day = `${year}-08-01`;
  const yearBefore = `${year - 1}-08-01`;
  return inputs.measures
    .filter(
      ({ status, effect }) =>
        (status !== 'planned' || assumptions.includePlannedMeasures === true) &&
        effect.stage === stage &&
        effect.effectiveFrom <= day &&
        operating.has(effect.institutionId),
    )
    .map(({ measureId, title, status, effect }) => ({
      measureId,
      title,
      status,
      institutionId: effect.institutionId,
      places: effect.places,
      takesEffect: effect.effectiveFrom > yearBefore,
    }));
}

export function verdictOf(balance: number | null, groupSize: number): Verdict {
  if (balance === null) return 'no-population';
  if (balance < 0) return 'shortfall';
  return balance < groupSize ? 'tight' : 'covered';
}

/** Demand, supply and balance of one stage in one municipality for the years of its horizon. */
export function planStage(
  inputs: RegionPlanInputs,
  stage: PlanningStage,
  assumptions: Assumptions,
  firstYear: number,
): PlanRow[] {
  const { rate, source } = participation(stage, inputs, assumptions);
  const groupSize = assumptions.groupSize[stage];
  return Array.from({ length: PLAN_HORIZON[stage] }, (_, offset) => {
    const year = firstYear + offset;
    const cohorts = cohortsAt(inputs, assumptions, year - 1);
    const { supply, sources, measures } = supplyOf(stage, inputs, assumptions, year);
    const children = cohorts ? stageChildren(stage, cohorts.children, assumptions.schoolEntryShareBeforeCutoff) : null;
    const wanted = children === null ? null : (children * rate) / 100;
    const buffer = (assumptions.bufferPercent[stage] ?? 0) / 100;
    // A fraction of a place cannot be offered: demand rounds up (with a tolerance for float noise).
    const demand = wanted === null ? null : Math.ceil(wanted * (1 + buffer) - 1e-9);
    const balance = demand === null ? null : supply - demand;
    return {
      regionKey: inputs.regionKey,
      stage,
      year,
      children: children === null ? null : round1(children),
      participation: rate,
      demand,
      supply,
      balance,
      coverage: demand ? round1((supply / demand) * 100) : null,
      groupsNeeded: demand === null ? null : Math.ceil(demand / groupSize),
      missingGroups: balance !== null && balance < 0 ? Math.ceil(-balance / groupSize) : 0,
      verdict: verdictOf(balance, groupSize),
      sources: {
        children: cohorts && {
          basePeriod: cohorts.basePeriod,
          rolledYears: cohorts.rolledYears,
          measurementIds: cohorts.measurementIds,
          buildingAreas: cohorts.buildingAreas,
        },
        participation: source,
        supply: sources,
        measures,
      },
    };
  });
}

/**
 * The district's row of a stage and year: the sum of its municipalities' rows. Municipalities without
 * population figures add their supply only and are counted in `missingRegions`.
 */
export function districtTotal(regionKey: string, rows: readonly PlanRow[], groupSize: number): PlanRow {
  const planned = rows.filter((row) => row.demand !== null);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const first = rows[0] as PlanRow;
  const demand = planned.length === 0 ? null : sum(planned.map((row) => row.demand as number));
  const supply = sum(rows.map((row) => row.supply));
  const balance = demand === null ? null : supply - demand;
  const children = sum(planned.map((row) => row.children as number));
  const weighted = sum(planned.map((row) => (row.children as number) * row.participation));
  return {
    regionKey,
    stage: first.stage,
    year: first.year,
    children: planned.length === 0 ? null : round1(children),
    participation: children > 0 ? round1(weighted / children) : first.participation,
    demand,
    supply,
    balance,
    coverage: demand ? round1((supply / demand) * 100) : null,
    groupsNeeded: demand === null ? null : Math.ceil(demand / groupSize),
    // Places in one municipality do not cover another's children: the district lacks every group its municipalities lack.
    missingGroups: sum(rows.map((row) => row.missingGroups)),
    verdict: verdictOf(balance, groupSize),
    missingRegions: rows.length - planned.length,
    sources: {
      children: null,
      participation: { kind: 'assumption' },
      supply: [],
      measures: rows.flatMap((row) => row.sources.measures),
    },
  };
}
