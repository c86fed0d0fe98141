import { capacityOn, KITA_AGE_GROUPS, KitaAgeGroup, PLAN_HORIZON } from '../../domain/capacity';
import { BASELINE_SCENARIO_ID } from '../../domain/scenario';
import { InstitutionSummary } from '../inventory/inventory.projections';
import { CapacityPlans } from './capacity-plans';

/** One line of the yearly report under § 21 NKiTaG: a municipality (or one of its Ortslagen) and age group. */
export interface NkitagLine {
  readonly regionKey: string;
  readonly municipality: string;
  /** Empty for the whole municipality; an Ortslage line counts the places of that Ortslage only. */
  readonly locality: string;
  readonly referenceDate: string;
  readonly ageGroup: KitaAgeGroup;
  readonly approved: number;
  readonly overSevenHours: number;
  readonly integration: number;
  readonly occupied: number;
  /** Demand of the six Kita years after the reference date; empty on Ortslage lines (planned as a whole). */
  readonly demand: readonly (number | null)[];
}

function placesOf(institutions: readonly InstitutionSummary[], group: KitaAgeGroup, referenceDate: string) {
  let approved = 0;
  let overSevenHours = 0;
  let integration = 0;
  let occupied = 0;
  for (const institution of institutions) {
    const places = capacityOn(institution.capacity, referenceDate, institution.closedFrom)?.places[group];
    approved += places?.approved ?? 0;
    overSevenHours += places?.overSevenHours ?? 0;
    integration += places?.integration ?? 0;
    occupied += institution.occupancy.find((entry) => entry.referenceDate === referenceDate)?.occupied[group] ?? 0;
  }
  return { approved, overSevenHours, integration, occupied };
}

/**
 * The § 21 NKiTaG figures as of 1 October of `year` (DVO-NKiTaG): places in effect and occupied on that
 * day, and the demand of the status-quo plan for the six Kita years that follow.
 */
export async function nkitagReport(plans: CapacityPlans, year: number, scenarioId = BASELINE_SCENARIO_ID) {
  const referenceDate = `${year}-10-01`;
  const inputs = await plans.loadInputs();
  const scenario = await plans.scenarios.version(scenarioId);
  const plan = plans.compute(scenario, inputs, { firstYear: year + 1 });
  const lines: NkitagLine[] = [];
  for (const municipality of plans.district.municipalities) {
    const institutions = inputs.institutions.filter((entry) => entry.regionKey === municipality.key);
    const localities = [...new Set(institutions.flatMap((entry) => (entry.locality ? [entry.locality] : [])))].sort();
    for (const ageGroup of KITA_AGE_GROUPS) {
      const demand = Array.from({ length: PLAN_HORIZON[ageGroup] }, (_, offset) => {
        const row = plan.rows.find(
          (entry) =>
            entry.regionKey === municipality.key && entry.stage === ageGroup && entry.year === year + 1 + offset,
        );
        return row?.demand ?? null;
      });
      const base = { regionKey: municipality.key, municipality: municipality.name, referenceDate, ageGroup };
      lines.push({ ...base, locality: '', ...placesOf(institutions, ageGroup, referenceDate), demand });
      for (const locality of localities) {
        const local = institutions.filter((entry) => entry.locality === locality);
        lines.push({ ...base, locality, ...placesOf(local, ageGroup, referenceDate), demand: demand.map(() => null) });
      }
    }
  }
  return { scenario, referenceDate, lines };
}
