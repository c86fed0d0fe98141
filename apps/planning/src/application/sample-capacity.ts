import { CommandRequest, newIdFor, Principal } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import { EventStore } from '@bildungsregion/event-store';
import { ApprovedPlaces, Assumptions, KitaAgeGroup, STATUS_QUO_ASSUMPTIONS } from '../domain/capacity';
import { InstitutionType } from '../domain/institution';
import { OfferingProfile } from '../domain/offering';
import { BASELINE_SCENARIO_ID } from '../domain/scenario';
import { ScenarioCommands } from './capacity/scenario-commands';
import { InstitutionCommands } from './inventory/institution-commands';
import { OfferingCommands } from './inventory/offering-commands';
import { OrganisationCommands } from './organisation-commands';
import { ignoringAlreadyThere } from './sample-actors';
import { INSTITUTIONS, SCENARIOS } from './streams';

const SEEDER: Principal = { id: 'sample-data', role: 'admin' };
export const BRAMSCHE = '03459014';
export const MELLE = '03459024';
const BISSENDORF = '03459012';
const QUAKENBRUECK = '03459030';

/** The baseline every deployment plans from; a coordinator revises its assumptions like any scenario's. */
export async function seedBaselineScenario(scenarios: ScenarioCommands, store: EventStore): Promise<boolean> {
  if ((await store.lastRevision(SCENARIOS.streamId(BASELINE_SCENARIO_ID))) !== null) return false;
  const profile = {
    name: 'Status quo',
    description:
      'Fortschreibung: Kinder je Altersjahr aus dem Monitoring, ein Jahr je Planjahr älter, ohne Wanderung; Geburten wie im letzten Jahr; Teilhabe wie die zuletzt gemessenen Betreuungsquoten; Gruppen zu 15 (Krippe), 25 (Kindergarten), 20 (Hort), Klassen zu 26 Kindern.',
    assumptions: STATUS_QUO_ASSUMPTIONS,
  };
  const request = { principal: SEEDER, correlationId: eventIdFor('baseline-scenario') };
  return (await ignoringAlreadyThere(() => scenarios.create(profile, request, BASELINE_SCENARIO_ID))) !== undefined;
}

type Kita = Partial<Record<KitaAgeGroup, number>>;
const SAMPLE_INSTITUTIONS: readonly [string, InstitutionType, string, string | undefined, string, Kita | number][] = [
  [
    'Kita Sonnenschein',
    'kita',
    BRAMSCHE,
    'Achmer',
    'kita-traeger-verbund',
    { krippe: 45, kindergarten: 100, hort: 20 },
  ],
  ['Kita Am Kanal', 'kita', BRAMSCHE, 'Kernstadt', 'kita-traeger-verbund', { krippe: 60, kindergarten: 150 }],
  [
    'Kita St. Martin',
    'kita',
    BRAMSCHE,
    'Kernstadt',
    'kita-traeger-verbund',
    { krippe: 45, kindergarten: 125, hort: 40 },
  ],
  ['Krippe Ueffeln', 'krippe', BRAMSCHE, 'Ueffeln', 'kita-traeger-verbund', { krippe: 30 }],
  ['Kita Regenbogen', 'kita', BRAMSCHE, 'Kernstadt', 'kita-traeger-verbund', { krippe: 60, kindergarten: 175 }],
  ['Grundschule Achmer', 'grundschule', BRAMSCHE, 'Achmer', 'stadt-bramsche', 3],
  ['Grundschule Kernstadt', 'grundschule', BRAMSCHE, 'Kernstadt', 'stadt-bramsche', 4],
  ['Grundschule Ueffeln', 'grundschule', BRAMSCHE, 'Ueffeln', 'stadt-bramsche', 3],
  ['Kita Wiesenweg', 'kita', MELLE, undefined, 'kita-traeger-verbund', { krippe: 150, kindergarten: 300, hort: 40 }],
  ['Kita Lindenhof', 'kita', MELLE, undefined, 'kita-traeger-verbund', { krippe: 180, kindergarten: 350 }],
  ['Kita Grönegau', 'kita', MELLE, undefined, 'kita-traeger-verbund', { krippe: 150, kindergarten: 275, hort: 60 }],
  ['Grundschule Melle-Mitte', 'grundschule', MELLE, undefined, 'stadt-melle', 5],
  ['Grundschule Buer', 'grundschule', MELLE, undefined, 'stadt-melle', 4],
  ['Grundschule Neuenkirchen', 'grundschule', MELLE, undefined, 'stadt-melle', 4],
  ['Grundschule Gesmold', 'grundschule', MELLE, undefined, 'stadt-melle', 4],
  ['Kita Bissendorf', 'kita', BISSENDORF, undefined, 'kita-traeger-verbund', { krippe: 150, kindergarten: 275 }],
  [
    'Kita Hasetal',
    'kita',
    QUAKENBRUECK,
    undefined,
    'kita-traeger-verbund',
    { krippe: 75, kindergarten: 175, hort: 20 },
  ],
  ['Kita Artland', 'kita', QUAKENBRUECK, undefined, 'kita-traeger-verbund', { krippe: 45, kindergarten: 125 }],
];

const SAMPLE_OFFERINGS: readonly Omit<OfferingProfile, 'startsOn'>[] = [
  {
    title: 'Deutsch für Eltern',
    kind: 'kurs',
    providerId: 'vhs-osnabruecker-land',
    stage: 'weiterbildung',
    targetGroup: 'Eltern von Kita-Kindern',
    places: 14,
    regionKey: BRAMSCHE,
  },
  {
    title: 'Sprachbildung im Übergang Kita – Grundschule',
    kind: 'programm',
    providerId: 'kita-traeger-verbund',
    stage: 'fruehkindliche-bildung',
    targetGroup: 'Kinder im letzten Kita-Jahr',
    places: 60,
    regionKey: MELLE,
  },
  {
    title: 'Berufsorientierung Nordkreis',
    kind: 'programm',
    providerId: 'agentur-fuer-arbeit',
    stage: 'berufliche-bildung',
    targetGroup: 'Schülerinnen und Schüler ab Jahrgang 8',
    regionKey: QUAKENBRUECK,
  },
  {
    title: 'Grundbildung für Erwachsene',
    kind: 'kurs',
    providerId: 'vhs-osnabruecker-land',
    stage: 'weiterbildung',
    targetGroup: 'Erwachsene mit geringer Literalität',
    places: 10,
    regionKey: '03459',
  },
];

const SAMPLE_SCENARIOS: readonly { name: string; description: string; assumptions: Partial<Assumptions> }[] = [
  {
    name: 'Neubaugebiet Bramsche-Achmer',
    description:
      'Annahme: Im Neubaugebiet Achmer-West wohnen ab dem Kita-Jahr 2028/29 rund 220 Kinder unter elf Jahren (synthetisch).',
    assumptions: { buildingAreas: [{ name: 'Achmer-West', regionKey: BRAMSCHE, children: 220, fromYear: 2028 }] },
  },
  {
    name: 'U3-Ausbau auf 45 %',
    description:
      'Annahme: Die Betreuungsquote unter drei Jahren steigt überall auf 45 %, dazu 5 % Puffer in der Krippe (synthetisch).',
    assumptions: { participation: { krippe: 45 }, bufferPercent: { krippe: 5 } },
  },
];

/** A command of the sample data; its key makes the ids it creates the same at every start. */
export const sampleRequest = (key: string): CommandRequest => ({
  principal: SEEDER,
  correlationId: eventIdFor('sample-capacity'),
  idempotencyKey: key,
});

/** The id a sample institution is registered under. */
export const sampleInstitutionId = (name: string): string =>
  newIdFor(sampleRequest(`sample-institution-${name}`), 'institution');

const places = (approved: number): ApprovedPlaces => ({
  approved,
  overSevenHours: Math.round(approved * 0.6),
  integration: Math.floor(approved / 25),
});

/** Sample institutions, offerings and scenarios for a few municipalities, all synthetic, into a store without institutions. */
export async function seedSampleCapacity(
  parts: {
    organisations: OrganisationCommands;
    institutions: InstitutionCommands;
    offerings: OfferingCommands;
    scenarios: ScenarioCommands;
  },
  store: EventStore,
): Promise<number> {
  const existing = await store.readAll({ filter: { categories: [INSTITUTIONS.name] }, maxCount: 1 });
  if (existing.length > 0) return 0;
  for (const [actorId, name, regionKey] of [
    ['stadt-bramsche', 'Stadt Bramsche, Schulträger (synthetisch)', BRAMSCHE],
    ['stadt-melle', 'Stadt Melle, Schulträger (synthetisch)', MELLE],
  ] as const)
    await ignoringAlreadyThere(() =>
      parts.organisations.register(actorId, { name, type: 'verwaltung', regionKey }, sampleRequest(actorId)),
    );
  let seeded = 0;
  for (const [name, type, regionKey, locality, operatorId, capacity] of SAMPLE_INSTITUTIONS) {
    const key = `sample-institution-${name}`;
    const profile = { name: `${name} (synthetisch)`, type, regionKey, operatorId, ...(locality ? { locality } : {}) };
    const { id } = await parts.institutions.register(profile, sampleRequest(key));
    const change =
      typeof capacity === 'number'
        ? { effectiveFrom: '2020-08-01', places: {}, streams: capacity }
        : {
            effectiveFrom: '2020-08-01',
            places: Object.fromEntries(Object.entries(capacity).map(([group, approved]) => [group, places(approved)])),
          };
    await parts.institutions.changeCapacity(id, change, {
      ...sampleRequest(`${key}-capacity`),
      reason: 'Bestand (synthetische Beispieldaten)',
    });
    if (typeof capacity !== 'number') {
      const occupied = Object.fromEntries(
        Object.entries(capacity).map(([group, approved]) => [group, Math.round(approved * 0.96)]),
      );
      await parts.institutions.reportOccupancy(
        id,
        { referenceDate: '2026-10-01', occupied },
        sampleRequest(`${key}-occupancy`),
      );
    }
    if (name === 'Kita Artland')
      await parts.institutions.close(id, '2028-07-31', {
        ...sampleRequest(`${key}-closure`),
        reason: 'Ersatz durch Neubau (synthetisch)',
      });
    seeded += 1;
  }
  for (const offering of SAMPLE_OFFERINGS)
    await parts.offerings.register(
      { ...offering, startsOn: '2027-02-01' },
      sampleRequest(`sample-offering-${offering.title}`),
    );
  for (const { assumptions, ...scenario } of SAMPLE_SCENARIOS)
    await parts.scenarios.create(
      { ...scenario, assumptions: { ...STATUS_QUO_ASSUMPTIONS, ...assumptions } },
      sampleRequest(`sample-scenario-${scenario.name}`),
    );
  return seeded;
}
