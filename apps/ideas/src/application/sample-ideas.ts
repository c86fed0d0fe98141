import { eventIdFor } from '@bildungsregion/bus';
import { CommandRejectedError, Principal } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { IdeaContent } from '../domain/idea';
import { Bundles } from './bundles';
import { CallCommands } from './calls/call-commands';
import { IdeaCommands } from './idea-commands';
import { IDEAS } from './streams';

/** Every sample idea carries this tag: the data is synthetic. */
export const SAMPLE_TAG = 'synthetische Beispieldaten';
const SEEDER: Principal = { id: 'sample-data', role: 'admin' };
const LANDKREIS = '03459';
const BRAMSCHE = '03459014';
const MELLE = '03459024';
const QUAKENBRUECK = '03459030';
const GEORGSMARIENHUETTE = '03459019';

interface SampleIdea {
  readonly content: IdeaContent;
  /** The actor organisation it is submitted on behalf of; the office itself when absent. */
  readonly submitter?: string;
}

const sample = (
  title: string,
  description: string,
  stages: IdeaContent['stages'],
  regionKeys: readonly string[],
  tags: readonly string[],
  submitter?: string,
): SampleIdea => ({
  content: { title, description, stages, regionKeys, tags: [...tags, SAMPLE_TAG] },
  ...(submitter ? { submitter } : {}),
});

/** A dozen ideas across the Bildungsbereiche; the second and the last read alike (near-duplicates). */
const SAMPLE_IDEAS: readonly SampleIdea[] = [
  sample(
    'Sprachförderung in Kitas ausbauen',
    'Mehr Fachkräfte für alltagsintegrierte Sprachbildung in den Kindertagesstätten, damit Kinder mit Förderbedarf früh unterstützt werden.',
    ['fruehkindliche-bildung'],
    [LANDKREIS],
    ['Sprache', 'Kita'],
    'kita-traeger-verbund',
  ),
  sample(
    'Lesepaten für Grundschulen gewinnen',
    'Ehrenamtliche Lesepatinnen und Lesepaten lesen einmal pro Woche mit Kindern, die beim Lesen Unterstützung brauchen.',
    ['allgemeinbildende-schulen'],
    [BRAMSCHE],
    ['Lesen', 'Ehrenamt'],
    'vhs-osnabruecker-land',
  ),
  sample(
    'Schulbus-Takt an den Ganztag anpassen',
    'Die Busse fahren nach der sechsten Stunde; Kinder im Ganztag kommen spät nach Hause. Die Fahrpläne sollen an das Ende des Ganztags angepasst werden.',
    ['allgemeinbildende-schulen', 'rahmenbedingungen'],
    [MELLE],
    ['Ganztag', 'Mobilität'],
  ),
  sample(
    'Ausbildungsmesse im Nordkreis',
    'Eine jährliche Ausbildungsmesse in Quakenbrück, auf der sich Betriebe aus dem Nordkreis Schülerinnen und Schülern vorstellen.',
    ['berufliche-bildung'],
    [QUAKENBRUECK],
    ['Berufsorientierung'],
  ),
  sample(
    'Campustage der Hochschule für die Oberstufe',
    'Die Hochschule Osnabrück lädt Schülerinnen und Schüler der Oberstufe zu Schnuppervorlesungen ein, um bei der Studienwahl zu helfen.',
    ['hochschule'],
    [LANDKREIS],
    ['Studienorientierung'],
  ),
  sample(
    'Alphabetisierungskurse für Erwachsene',
    'Wohnortnahe Kurse der Volkshochschule für Erwachsene, die kaum lesen und schreiben können.',
    ['weiterbildung'],
    [LANDKREIS],
    ['Grundbildung'],
    'vhs-osnabruecker-land',
  ),
  sample(
    'Familienzentren in jeder Gemeinde',
    'Kitas werden zu Familienzentren mit Beratung, Elternbildung und Begegnung für Familien weiterentwickelt.',
    ['fruehkindliche-bildung'],
    [GEORGSMARIENHUETTE],
    ['Familie', 'Kita'],
    'kita-traeger-verbund',
  ),
  sample(
    'Schulsozialarbeit an allen Oberschulen',
    'Jede Oberschule im Landkreis bekommt mindestens eine volle Stelle für Schulsozialarbeit.',
    ['allgemeinbildende-schulen'],
    [LANDKREIS],
    ['Schulsozialarbeit'],
  ),
  sample(
    'Mobile Bildungsberatung in den Gemeinden',
    'Beraterinnen halten in den Gemeinden Sprechstunden zu Weiterbildung und Fördermöglichkeiten für Erwachsene.',
    ['weiterbildung'],
    [BRAMSCHE, QUAKENBRUECK],
    ['Beratung'],
    'vhs-osnabruecker-land',
  ),
  sample(
    'Schulwege sicherer machen',
    'Querungshilfen und Tempo 30 vor Grundschulen, damit mehr Kinder zu Fuß oder mit dem Rad zur Schule kommen.',
    ['rahmenbedingungen'],
    [MELLE],
    ['Mobilität'],
  ),
  sample(
    'Azubi-Wohnheim nahe den Berufsbildenden Schulen',
    'Bezahlbare Wohnplätze für Auszubildende aus ländlichen Gemeinden, die sonst weit zur Berufsschule pendeln müssten.',
    ['berufliche-bildung'],
    [LANDKREIS],
    ['Wohnen', 'Ausbildung'],
  ),
  sample(
    'Ehrenamtliche Lesepatenschaften an Grundschulen',
    'Wir möchten Ehrenamtliche als Lesepaten gewinnen, die wöchentlich mit leseschwachen Grundschulkindern üben.',
    ['allgemeinbildende-schulen'],
    [BRAMSCHE],
    ['Lesen'],
  ),
];

const sampleIdeaId = (index: number) => eventIdFor('sample-idea', String(index));

/** The Ausbildungsmesse and the Azubi-Wohnheim, merged into one bundle on Ausbildung im Nordkreis. */
const SAMPLE_BUNDLE = {
  sourceIds: [sampleIdeaId(3), sampleIdeaId(10)],
  reason: 'Beide Ideen sollen Ausbildung für Jugendliche aus dem Nordkreis erreichbar machen.',
  content: {
    title: 'Ausbildung im Nordkreis erreichbar machen',
    description:
      'Eine Ausbildungsmesse in Quakenbrück und bezahlbare Wohnplätze nahe den Berufsbildenden Schulen, damit Jugendliche aus dem Nordkreis eine Ausbildung finden und erreichen.',
    stages: ['berufliche-bildung'],
    regionKeys: [LANDKREIS, QUAKENBRUECK],
    tags: ['Ausbildung', SAMPLE_TAG],
  } satisfies IdeaContent,
};

const SAMPLE_CALL_DAYS_OPEN = 60;

/**
 * Seeds the sample ideas, tagged synthetic, into an empty store, then merges two of them into a
 * bundle and opens a call for ideas. Their ids are fixed, so seeding twice (or from two processes)
 * records nothing twice.
 */
export async function seedSampleIdeas(
  ideas: IdeaCommands,
  bundles: Bundles,
  calls: CallCommands,
  store: EventStore,
  today: Date = new Date(),
): Promise<number> {
  const existing = await store.readAll({ filter: { categories: [IDEAS.name] }, maxCount: 1 });
  if (existing.length > 0) return 0;
  const request = { principal: SEEDER, correlationId: eventIdFor('sample-ideas') };
  let seeded = 0;
  for (const [index, { content, submitter }] of SAMPLE_IDEAS.entries()) {
    try {
      await ideas.submit(content, request, {
        ideaId: sampleIdeaId(index),
        ...(submitter ? { onBehalfOf: submitter } : {}),
      });
      seeded += 1;
    } catch (error) {
      if (isAlreadyThere(error)) continue;
      throw error;
    }
  }
  await ignoringAlreadyThere(() => bundles.form(SAMPLE_BUNDLE, { ...request, idempotencyKey: 'sample-bundle' }));
  const callRequest = { ...request, idempotencyKey: 'sample-call' };
  const drafted = await ignoringAlreadyThere(() =>
    calls.draft(
      {
        theme: 'Übergang Schule – Beruf im Nordkreis',
        description:
          'Wie erreichen mehr Jugendliche aus Quakenbrück und den Nachbargemeinden eine Ausbildung? Gesucht sind Ideen von Schulen, Betrieben, Kammern und Jugendhilfe. Synthetische Beispieldaten.',
        stages: ['berufliche-bildung', 'allgemeinbildende-schulen'],
        regionKeys: [QUAKENBRUECK],
        targetGroups: ['Schulen', 'Betriebe', 'Jugendhilfe'],
        criteria: [],
        evaluatorPool: [],
      },
      callRequest,
    ),
  );
  if (drafted) {
    const closesOn = new Date(today.getTime() + SAMPLE_CALL_DAYS_OPEN * 86_400_000).toISOString().slice(0, 10);
    await ignoringAlreadyThere(() => calls.open(drafted.id, { closesOn }, request));
  }
  return seeded;
}

/** Another process seeded it first. */
function isAlreadyThere(error: unknown): boolean {
  return (
    error instanceof CommandRejectedError &&
    ['idea-exists', 'call-exists', 'call-not-draft', 'idea-bundled'].includes(error.rejection.code)
  );
}

async function ignoringAlreadyThere<Result>(step: () => Promise<Result>): Promise<Result | undefined> {
  try {
    return await step();
  } catch (error) {
    if (isAlreadyThere(error)) return undefined;
    throw error;
  }
}
