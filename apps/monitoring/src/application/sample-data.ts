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

/**
 * Synthetic Betreuungsquote-U3 values for 2023–2025, for the district and every municipality. They
 * are flagged synthetic and their source says so; a second run records nothing (same values).
 */
export async function seedSampleMeasurements(monitoring: IndicatorCommands, district: District): Promise<number> {
  const regions = district.regions.map((region) => region.key);
  let recorded = 0;
  for (const year of [2023, 2024, 2025]) {
    for (const [index, regionKey] of regions.entries()) {
      const outcome = await monitoring.recordMeasurement(
        'betreuungsquote-u3',
        { regionKey, period: String(year), value: syntheticValue(index, year), source: SAMPLE_SOURCE, synthetic: true },
        { principal: { id: 'sample-data', role: 'admin' }, correlationId: 'sample-data' },
      );
      recorded += outcome.events.length > 0 ? 1 : 0;
    }
  }
  return recorded;
}
