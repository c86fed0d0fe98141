import { CommandRejectedError, Principal } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { STARTER_CATALOGUE } from '../domain/starter-catalogue';
import { IndicatorCommands } from './indicator-commands';
import { INDICATORS } from './streams';

const SEEDER: Principal = { id: 'catalogue-seed', role: 'admin' };
const SAMPLE_SOURCE = '[Synthetische Beispieldaten] keine amtlichen Werte';

/** Defines every starter indicator that is not defined yet; returns how many it defined. */
export async function seedCatalogue(monitoring: IndicatorCommands, store: EventStore): Promise<number> {
  let defined = 0;
  for (const definition of STARTER_CATALOGUE) {
    if ((await store.lastRevision(INDICATORS.streamId(definition.key))) !== null) continue;
    try {
      await monitoring.defineIndicator(definition, [], { principal: SEEDER, correlationId: 'starter-catalogue' });
      defined += 1;
    } catch (error) {
      // Another instance seeded it in between.
      if (!(error instanceof CommandRejectedError)) throw error;
    }
  }
  return defined;
}

/** A deterministic, plainly synthetic value per region and year, so the demo looks alive but claims nothing. */
function syntheticValue(regionIndex: number, year: number): number {
  return Math.round((28 + ((regionIndex * 7) % 15) + (year - 2023) * 1.5) * 10) / 10;
}

/** Municipalities with synthetic children per year of age, and about how many are born there a year. */
const SAMPLE_POPULATION: readonly { regionKey: string; births: number; quote3to6: number }[] = [
  { regionKey: '03459014', births: 280, quote3to6: 93.5 },
  { regionKey: '03459024', births: 420, quote3to6: 95.1 },
  { regionKey: '03459012', births: 130, quote3to6: 91.8 },
  { regionKey: '03459030', births: 140, quote3to6: 89.4 },
];

type SampleValue = { indicatorKey: string; regionKey: string; period: string; value: number };

/**
 * Synthetic values, flagged synthetic with a source that says so: Betreuungsquote U3 for 2023–2025 for
 * the district and every municipality, and for a few municipalities the children per year of age on
 * 31 December 2025 with their Betreuungsquote 3–6, so the capacity plan has something to plan from.
 * A second run records nothing (same values).
 */
export async function seedSampleMeasurements(monitoring: IndicatorCommands, district: District): Promise<number> {
  const values: SampleValue[] = [];
  for (const year of [2023, 2024, 2025]) {
    for (const [index, region] of district.regions.entries())
      values.push({
        indicatorKey: 'betreuungsquote-u3',
        regionKey: region.key,
        period: String(year),
        value: syntheticValue(index, year),
      });
  }
  for (const [index, { regionKey, births, quote3to6 }] of SAMPLE_POPULATION.entries()) {
    values.push({ indicatorKey: 'betreuungsquote-3-bis-6', regionKey, period: '2025', value: quote3to6 });
    for (let age = 0; age <= 10; age += 1) {
      // Younger cohorts a little larger: births rose slightly over the decade.
      const value = Math.round(births * (1 - age * 0.012 + (((age * 3 + index) % 5) - 2) * 0.02));
      values.push({ indicatorKey: `bevoelkerung-alter-${age}`, regionKey, period: '2025', value });
    }
  }
  let recorded = 0;
  for (const { indicatorKey, ...value } of values) {
    const outcome = await monitoring.recordMeasurement(
      indicatorKey,
      { ...value, source: SAMPLE_SOURCE, synthetic: true },
      { principal: { id: 'sample-data', role: 'admin' }, correlationId: 'sample-data' },
    );
    recorded += outcome.events.length > 0 ? 1 : 0;
  }
  return recorded;
}
