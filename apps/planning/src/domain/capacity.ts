/** The planning stages of the capacity plan (Kita age groups and the primary school). */
export const PLANNING_STAGES = ['krippe', 'kindergarten', 'hort', 'grundschule'] as const;
export type PlanningStage = (typeof PLANNING_STAGES)[number];

/** The Kita age groups whose places are approved (Betriebserlaubnis) and reported under § 21 NKiTaG. */
export const KITA_AGE_GROUPS = ['krippe', 'kindergarten', 'hort'] as const;
export type KitaAgeGroup = (typeof KITA_AGE_GROUPS)[number];

/** Years planned ahead: six for the Kita stages (§ 21 NKiTaG), ten for the primary school. */
export const PLAN_HORIZON: Record<PlanningStage, number> = { krippe: 6, kindergarten: 6, hort: 6, grundschule: 10 };

/** Participation where neither a measurement nor the scenario gives one, in percent. */
export const DEFAULT_PARTICIPATION: Record<PlanningStage, number> = {
  krippe: 40,
  kindergarten: 94,
  hort: 30,
  grundschule: 100,
};

/** A new building area: its children under eleven, spread evenly over the ages 0 to 10. */
export interface BuildingArea {
  readonly name: string;
  readonly regionKey: string;
  readonly children: number;
  /** The first plan year (Kita year from 1 August) in which the children live there. */
  readonly fromYear: number;
}

/** The assumptions of a scenario; percentages are of 100. */
export interface Assumptions {
  /** Overrides the measured Betreuungsquote (Krippe, Kindergarten) or the default rate. */
  readonly participation: Partial<Record<PlanningStage, number>>;
  /** Births after the last population figures, relative to that year's age-0 cohort. */
  readonly birthsChangePercent: number;
  /** Net migration per year while cohorts roll forward without a projection. */
  readonly migrationPercent: number;
  /** Extra places on top of the demand, per stage. */
  readonly bufferPercent: Partial<Record<PlanningStage, number>>;
  /** Children per group (per class for the primary school). */
  readonly groupSize: Record<PlanningStage, number>;
  /** Share of a year's births before the 1 October cut-off, i.e. turning six by 30 September. */
  readonly schoolEntryShareBeforeCutoff: number;
  readonly buildingAreas: readonly BuildingArea[];
  /** Counts planned measures as if approved, to see what they would do; absent in scenarios before measures. */
  readonly includePlannedMeasures?: boolean;
}

export const STATUS_QUO_ASSUMPTIONS: Assumptions = {
  participation: {},
  birthsChangePercent: 0,
  migrationPercent: 0,
  bufferPercent: {},
  groupSize: { krippe: 15, kindergarten: 25, hort: 20, grundschule: 26 },
  schoolEntryShareBeforeCutoff: 0.75,
  buildingAreas: [],
  includePlannedMeasures: false,
};

/** Approved places of one Kita age group, with the places over seven hours and the integration places among them. */
export interface ApprovedPlaces {
  readonly approved: number;
  readonly overSevenHours: number;
  readonly integration: number;
}

/** A dated change of an institution's capacity; it holds until the next change. */
export interface CapacityChange {
  /** The day the capacity holds from (ISO date). */
  readonly effectiveFrom: string;
  readonly places: Partial<Record<KitaAgeGroup, ApprovedPlaces>>;
  /** Parallel classes per year group (Züge) of a school. */
  readonly streams?: number;
  /** Classes per year group as formed now, first year group first. */
  readonly classesPerYearGroup?: readonly number[];
}

/** The capacity in effect on a day: the latest change from that day or before, none once closed. */
export function capacityOn(
  changes: readonly CapacityChange[],
  day: string,
  closedFrom?: string,
): CapacityChange | undefined {
  if (closedFrom !== undefined && closedFrom <= day) return undefined;
  let current: CapacityChange | undefined;
  for (const change of changes) {
    if (change.effectiveFrom <= day && (!current || change.effectiveFrom >= current.effectiveFrom)) current = change;
  }
  return current;
}
