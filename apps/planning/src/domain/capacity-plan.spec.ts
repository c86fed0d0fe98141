import { Assumptions, STATUS_QUO_ASSUMPTIONS } from './capacity';
import { cohortsAt, districtTotal, InstitutionCapacity, planStage, RegionPlanInputs } from './capacity-plan';

const BRAMSCHE = '03459014';

/** Population on 31 December 2025 of age a: 100 + 10·a, so every age is told apart. */
function population(year = 2025, valueOf = (age: number) => 100 + 10 * age) {
  return Array.from({ length: 11 }, (_, age) => ({
    year,
    age,
    value: valueOf(age),
    measurementId: `m-${year}-${age}`,
  }));
}

function inputs(overrides: Partial<RegionPlanInputs> = {}): RegionPlanInputs {
  return { regionKey: BRAMSCHE, population: population(), rates: {}, institutions: [], measures: [], ...overrides };
}

const assume = (changes: Partial<Assumptions>): Assumptions => ({ ...STATUS_QUO_ASSUMPTIONS, ...changes });

const kita = (changes: InstitutionCapacity['changes'], closedFrom?: string): InstitutionCapacity => ({
  institutionId: 'kita-1',
  name: 'Kita Sonnenschein',
  primarySchool: false,
  changes,
  ...(closedFrom ? { closedFrom } : {}),
});
const places = (approved: number) => ({ approved, overSevenHours: 0, integration: 0 });

describe('the capacity plan', () => {
  it('rolls cohorts forward one age a year; cohorts born later start from the last births', () => {
    const cohorts = cohortsAt(inputs(), STATUS_QUO_ASSUMPTIONS, 2027);
    // Two years on: age 2 was age 0 in 2025, ages 0 and 1 repeat the 100 births of 2025.
    expect(cohorts?.children.slice(0, 4)).toEqual([100, 100, 100, 110]);
    expect(cohorts).toMatchObject({ basePeriod: 2025, rolledYears: 2 });
    const migrating = cohortsAt(inputs(), assume({ migrationPercent: 2 }), 2026);
    // 110 × 1.02 = 112.2 for age 2 (age 1 in 2025); age 0 is a new cohort of 100.
    expect(migrating?.children[0]).toBeCloseTo(100, 6);
    expect(migrating?.children[2]).toBeCloseTo(112.2, 6);
  });

  it('uses a later year of figures (a projection) instead of rolling, once it is complete', () => {
    const projected = [...population(), ...population(2026, () => 50)];
    expect(cohortsAt(inputs({ population: projected }), STATUS_QUO_ASSUMPTIONS, 2026)?.children[3]).toBe(50);
    const incomplete = [...population(), ...population(2026, () => 50).slice(0, 10)];
    expect(cohortsAt(inputs({ population: incomplete }), STATUS_QUO_ASSUMPTIONS, 2026)?.basePeriod).toBe(2025);
  });

  it('counts Krippe demand from the measured rate and rounds groups up', () => {
    const rates = { krippe: { value: 40, period: '2025', regionKey: BRAMSCHE, measurementId: 'quote' } };
    const institutions = [kita([{ effectiveFrom: '2020-01-01', places: { krippe: places(120) } }])];
    const [row] = planStage(inputs({ rates, institutions }), 'krippe', STATUS_QUO_ASSUMPTIONS, 2026);
    // Plan year 2026 counts ages 0–2 on 31 December 2025: 100 + 110 + 120 = 330; 40 % = 132.
    expect(row).toMatchObject({ children: 330, participation: 40, demand: 132, supply: 120, balance: -12 });
    // ⌈132 ÷ 15⌉ = 9 groups; 12 missing places are ⌈12 ÷ 15⌉ = 1 group.
    expect(row).toMatchObject({ groupsNeeded: 9, missingGroups: 1, verdict: 'shortfall', coverage: 90.9 });
    expect(row?.sources.participation).toEqual({
      kind: 'measurement',
      measurementId: 'quote',
      period: '2025',
      regionKey: BRAMSCHE,
    });
  });

  it('splits the age-5 cohort at the 30 September cut-off between Kindergarten and school', () => {
    const [kindergarten] = planStage(inputs(), 'kindergarten', STATUS_QUO_ASSUMPTIONS, 2026);
    // 130 + 140 + 25 % of 150 = 307.5 children; the default 94 % is 289.05, so 290 places.
    expect(kindergarten).toMatchObject({ children: 307.5, demand: 290, groupsNeeded: 12 });
    expect(kindergarten?.sources.participation).toEqual({ kind: 'default' });
    const [school] = planStage(inputs(), 'grundschule', STATUS_QUO_ASSUMPTIONS, 2026);
    // 75 % of ages 5–8 (660) + 25 % of ages 6–9 (700) = 670 pupils in ⌈670 ÷ 26⌉ = 26 classes.
    expect(school).toMatchObject({ children: 670, demand: 670, groupsNeeded: 26 });
    const later = planStage(inputs(), 'grundschule', assume({ schoolEntryShareBeforeCutoff: 0.5 }), 2026)[0];
    expect(later?.children).toBe(0.5 * 660 + 0.5 * 700);
  });

  it('plans six years for the Kita stages and ten for the primary school', () => {
    expect(planStage(inputs(), 'hort', STATUS_QUO_ASSUMPTIONS, 2026).map((row) => row.year)).toEqual([
      2026, 2027, 2028, 2029, 2030, 2031,
    ]);
    expect(planStage(inputs(), 'grundschule', STATUS_QUO_ASSUMPTIONS, 2026)).toHaveLength(10);
  });

  it('applies a scenario: fewer births, a building area and buffer places', () => {
    const variant = assume({
      birthsChangePercent: -10,
      participation: { krippe: 40 },
      bufferPercent: { krippe: 10 },
      buildingAreas: [{ name: 'Am Kanal', regionKey: BRAMSCHE, children: 110, fromYear: 2028 }],
    });
    const rows = planStage(inputs(), 'krippe', variant, 2027);
    // 2027 counts 31 December 2026: births 90, then 100 and 110 rolled; no building area yet.
    expect(rows[0]).toMatchObject({ year: 2027, children: 300, demand: 132 });
    // 2028: 90 + 90 + 100, plus 10 children per age from the area = 310; 40 % = 124, + 10 % = 136.4 → 137.
    expect(rows[1]).toMatchObject({ year: 2028, children: 310, demand: 137 });
    expect(rows[1]?.sources.children?.buildingAreas).toEqual(['Am Kanal']);
    expect(rows[1]?.sources.participation).toEqual({ kind: 'assumption' });
  });

  it('counts the capacity in effect on 1 August, and none after a closure', () => {
    const institution = kita(
      [
        { effectiveFrom: '2020-01-01', places: { krippe: places(30) } },
        { effectiveFrom: '2027-08-01', places: { krippe: places(45) } },
      ],
      '2029-07-31',
    );
    const rows = planStage(inputs({ institutions: [institution] }), 'krippe', STATUS_QUO_ASSUMPTIONS, 2026);
    expect(rows.slice(0, 4).map((row) => row.supply)).toEqual([30, 45, 45, 0]);
    expect(rows[1]?.sources.supply).toEqual([{ institutionId: 'kita-1', name: 'Kita Sonnenschein', places: 45 }]);
  });

  it('counts approved and implemented measures from their first 1 August, planned ones only where assumed', () => {
    const institution = kita([{ effectiveFrom: '2020-01-01', places: { krippe: places(30) } }], '2030-08-01');
    const effect = (effectiveFrom: string, places: number) => ({
      institutionId: 'kita-1',
      stage: 'krippe' as const,
      places,
      effectiveFrom,
    });
    const measures: RegionPlanInputs['measures'] = [
      { measureId: 'neue-gruppe', title: 'Neue Krippengruppe', status: 'approved', effect: effect('2027-09-01', 15) },
      { measureId: 'anbau', title: 'Anbau', status: 'implemented', effect: effect('2026-08-01', 10) },
      { measureId: 'idee', title: 'Waldgruppe', status: 'planned', effect: effect('2026-01-01', 5) },
    ];
    const rows = planStage(inputs({ institutions: [institution], measures }), 'krippe', STATUS_QUO_ASSUMPTIONS, 2026);
    // 2026: 30 + 10 (from 1 August 2026); 2027: the group starts in September, so it counts from 2028; 2030: closed.
    expect(rows.map((row) => row.supply)).toEqual([40, 40, 55, 55, 0, 0]);
    expect(rows[2]?.sources.measures).toEqual([
      {
        measureId: 'neue-gruppe',
        title: 'Neue Krippengruppe',
        status: 'approved',
        institutionId: 'kita-1',
        places: 15,
        takesEffect: true,
      },
      {
        measureId: 'anbau',
        title: 'Anbau',
        status: 'implemented',
        institutionId: 'kita-1',
        places: 10,
        takesEffect: false,
      },
    ]);
    expect(rows[0]?.sources.measures.map((measure) => [measure.measureId, measure.takesEffect])).toEqual([
      ['anbau', true],
    ]);
    const withPlanned = planStage(
      inputs({ institutions: [institution], measures }),
      'krippe',
      assume({ includePlannedMeasures: true }),
      2026,
    );
    expect(withPlanned.map((row) => row.supply)).toEqual([45, 45, 60, 60, 0, 0]);
    expect(
      planStage(inputs({ institutions: [institution], measures }), 'kindergarten', STATUS_QUO_ASSUMPTIONS, 2026)[0]
        ?.supply,
    ).toBe(0);
  });

  it('counts a school by its streams: four year groups of full classes', () => {
    const school: InstitutionCapacity = {
      institutionId: 'gs-1',
      name: 'Grundschule Achmer',
      primarySchool: true,
      changes: [{ effectiveFrom: '2020-01-01', places: {}, streams: 2 }],
    };
    const [row] = planStage(inputs({ institutions: [school] }), 'grundschule', STATUS_QUO_ASSUMPTIONS, 2026);
    expect(row).toMatchObject({ supply: 2 * 4 * 26, balance: 208 - 670, missingGroups: 18 });
  });

  it('says so when a municipality has no population figures, and the district sums what is there', () => {
    const [unknown] = planStage(inputs({ population: [] }), 'krippe', STATUS_QUO_ASSUMPTIONS, 2026);
    expect(unknown).toMatchObject({ children: null, demand: null, verdict: 'no-population' });
    const [known] = planStage(inputs(), 'krippe', STATUS_QUO_ASSUMPTIONS, 2026);
    const total = districtTotal(
      '03459',
      [known, unknown].map((row) => ({ ...row!, supply: 100 })),
      15,
    );
    expect(total).toMatchObject({ demand: 132, supply: 200, balance: 68, missingRegions: 1, verdict: 'covered' });
  });
});
