/**
 * The similar-ideas lookup with 10,000 ideas stored, as the ideas service answers it in its own process
 * on the embedded defaults: GET /ideas/similar for 1,000 texts, p50/p99, against GET /health/live of the
 * same service in the same run (alternating rounds, so both see the same machine load). The ideas are
 * submitted over HTTP first, made of topics, groups, actions, partners and places; the first lookup
 * after that catches the index up and is not measured (its time is reported apart).
 *   npm run bench:ideas   (BENCH_IDEAS, BENCH_QUERIES, BENCH_ROUNDS)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { authHeaders, freePort, startService } from '../system/support/service-process';
import { percentile } from './stats';

const IDEAS = Number(process.env['BENCH_IDEAS'] ?? 10_000);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 1_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SUBMITTERS = 8;

/** The parts the ideas are made of: 20 topics × 10 groups × 6 actions × 16 partners × 34 municipalities. */
const TOPICS = [
  'Sprachförderung',
  'Lesepatenschaften',
  'Schulsozialarbeit',
  'Ganztagsbetreuung',
  'Berufsorientierung',
  'eine Ausbildungsmesse',
  'ein Elterncafé',
  'Schwimmunterricht',
  'Schulgärten',
  'Medienkompetenz',
  'Alphabetisierungskurse',
  'Hausaufgabenhilfe',
  'Familienzentren',
  'Bildungsberatung',
  'Inklusionsassistenz',
  'ein Schülerlabor',
  'Ferienlerncamps',
  'ein Azubi-Wohnheim',
  'Integrationskurse',
  'Fortbildungen',
];
const GROUPS = [
  'Kinder unter drei Jahren',
  'Grundschulkinder',
  'Jugendliche',
  'Auszubildende',
  'Eltern',
  'Erwachsene',
  'Seniorinnen und Senioren',
  'Zugewanderte',
  'Lehrkräfte',
  'Fachkräfte in Kitas',
];
const ACTIONS = ['ausbauen', 'einführen', 'stärken', 'vernetzen', 'verstetigen', 'digital begleiten'];
const PARTNERS = [
  'Sportvereine',
  'die Volkshochschule',
  'das Jugendamt',
  'die Agentur für Arbeit',
  'die Kammern',
  'Kirchengemeinden',
  'die Stadtbibliothek',
  'Betriebe der Region',
  'das Medienzentrum',
  'Kita-Träger',
  'Grundschulen',
  'Oberschulen',
  'die Hochschule',
  'Migrantenorganisationen',
  'Seniorenbeiräte',
  'Fördervereine',
];
const MUNICIPALITIES = [
  'Bramsche',
  'Melle',
  'Quakenbrück',
  'Georgsmarienhütte',
  'Bad Iburg',
  'Bersenbrück',
  'Ankum',
  'Belm',
];
const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

function idea(index: number): { title: string; description: string } {
  const topic = pick(TOPICS, index);
  const group = pick(GROUPS, Math.floor(index / 3));
  const action = pick(ACTIONS, Math.floor(index / 7));
  const place = pick(MUNICIPALITIES, Math.floor(index / 11));
  return {
    title: `${topic} für ${group} in ${place} ${action}`,
    description: `Wir wollen ${topic} für ${group} ${action}. Partner: ${pick(PARTNERS, index * 5)} und ${pick(PARTNERS, index * 3 + 1)}. Vorschlag Nr. ${index}.`,
  };
}

/** Submits the ideas over HTTP, several at a time, as the office's users would over months. */
async function seed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async () => {
      for (let index = next++; index < IDEAS; index = next++) {
        const response = await fetch(`${url}/ideas`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...idea(index), stages: ['weiterbildung'] }),
        });
        if (response.status !== 201) throw new Error(`submitting idea ${index} answered ${response.status}`);
        await response.arrayBuffer();
      }
    }),
  );
  return performance.now() - started;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ideas-'));
  const service = await startService('ideas', await freePort(), {
    EVENT_STORE_URL: `sqlite:${join(dir, 'events.sqlite')}`,
    BUS_URL: `sqlite:${join(dir, 'bus.sqlite')}`,
    READ_MODELS_URL: 'memory:',
  });
  try {
    const { coordinator } = await authHeaders();
    const seedMs = await seed(service.url, coordinator);
    const similarUrl = (index: number) => {
      const text = idea(index * 13 + 5);
      const query = new URLSearchParams({ title: text.title, description: text.description });
      return `${service.url}/ideas/similar?${query.toString()}`;
    };
    // The first lookup after the read model holds every idea loads the ideas it has not seen yet.
    let total = 0;
    while (total < IDEAS) {
      const response = await fetch(`${service.url}/ideas?limit=1`, { headers: coordinator });
      total = ((await response.json()) as { total: number }).total;
      if (total < IDEAS) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const firstLookupMs = await timedGet(similarUrl(0), coordinator);
    const perRound = Math.ceil(QUERIES / ROUNDS);
    const similar: number[] = [];
    const trivial: number[] = [];
    let found = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (let index = 0; index < perRound; index++) {
        const query = round * perRound + index;
        similar.push(await timedGet(similarUrl(query), coordinator));
        if (query % 100 === 0) {
          const answer = (await (await fetch(similarUrl(query), { headers: coordinator })).json()) as {
            items: unknown[];
          };
          found += answer.items.length;
        }
      }
      for (let index = 0; index < perRound; index++) trivial.push(await timedGet(`${service.url}/health/live`, {}));
    }
    const lines = [
      `# ideas: similar-ideas lookup with ${IDEAS.toLocaleString('en')} ideas stored (${similar.length} queries in ${ROUNDS} rounds, alternating with GET /health/live; same process, same run)`,
      '',
      '| measurement | subject | baseline | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| GET /ideas/similar vs GET /health/live, p50 | ${ms(percentile(similar, 50))} | ${ms(percentile(trivial, 50))} | ${(percentile(similar, 50) / percentile(trivial, 50)).toFixed(1)}× |`,
      `| same, p99 (goal ≤ 3×) | ${ms(percentile(similar, 99))} | ${ms(percentile(trivial, 99))} | ${(percentile(similar, 99) / percentile(trivial, 99)).toFixed(1)}× |`,
      '',
      `set-up: ${IDEAS.toLocaleString('en')} ideas submitted over HTTP in ${(seedMs / 1000).toFixed(1)} s; first lookup after that ${ms(firstLookupMs)}; similar ideas per sampled answer ${(found / Math.ceil(similar.length / 100)).toFixed(1)} on average`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await service.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
