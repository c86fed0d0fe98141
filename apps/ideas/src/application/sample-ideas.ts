import { eventIdFor } from '@bildungsregion/bus';
import { CommandRejectedError, Principal } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { IdeaContent } from '../domain/idea';
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

/**
 * Seeds the sample ideas, tagged synthetic, into an empty store. Their ids are fixed, so seeding
 * twice (or from two processes) records nothing twice.
 */
export async function seedSampleIdeas(ideas: IdeaCommands, store: EventStore): Promise<number> {
  const existing = await store.readAll({ filter: { categories: [IDEAS.name] }, maxCount: 1 });
  if (existing.length > 0) return 0;
  let seeded = 0;
  for (const [index, { content, submitter }] of SAMPLE_IDEAS.entries()) {
    const request = { principal: SEEDER, correlationId: eventIdFor('sample-ideas') };
    try {
      await ideas.submit(content, request, {
        ideaId: eventIdFor('sample-idea', String(index)),
        ...(submitter ? { onBehalfOf: submitter } : {}),
      });
      seeded += 1;
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'idea-exists') continue; // another process seeded it first
      throw error;
    }
  }
  return seeded;
}
