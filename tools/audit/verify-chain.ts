/**
 * Verifies an event store independently of the services that wrote it.
 *
 *   npm run -s verify-chain -- <event store URL> [--stream <stream id>] [--category <category>]
 *   npm run -s verify-chain -- <event store URL> --seals <bus URL> --public-key <PEM file> [--public-key …]
 *                              [--service <name>] [--namespace <topic namespace>]
 *
 * Without --seals it recomputes the hash chains. With --seals it reads the latest seal from the
 * service's seals topic on the bus (never from the store it checks), checks its signature with the
 * given public keys, and reports deleted and truncated streams, history rewritten before the seal
 * and gaps in the global positions. The service defaults to the source of the store's first event.
 * Prints the result as JSON and exits 0 when everything holds, 1 when not, 2 on bad usage.
 */
import { createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { busFromUrl, readTopic } from '@bildungsregion/bus';
import { sealTopicOf } from '@bildungsregion/contracts';
import {
  EventStore,
  eventStoreFromUrl,
  Seal,
  verifyAllStreams,
  verifyStoreAgainstSeal,
  verifyStream,
} from '@bildungsregion/event-store';
import { runCommand } from '../cli/run-command';

const usage =
  'usage: verify-chain <event store URL: sqlite:<file> | esdb://…> [--stream <stream id>] [--category <category>]\n' +
  '       verify-chain <event store URL> --seals <bus URL> --public-key <PEM file> [--service <name>] [--namespace <namespace>]';

interface SealOptions {
  readonly busUrl: string;
  readonly publicKeyFiles: readonly string[];
  readonly service?: string;
  readonly namespace?: string;
}

async function againstLatestSeal(
  store: EventStore,
  options: SealOptions,
): Promise<{ readonly valid: boolean; readonly problem?: string }> {
  const publicKeys = options.publicKeyFiles.map((file) => createPublicKey(readFileSync(file)));
  const service = options.service ?? (await store.readAll({ maxCount: 1 }))[0]?.metadata.source;
  if (!service) return { valid: false, problem: 'The store is empty and --service was not given.' };
  const bus = busFromUrl(options.busUrl, { topicNamespace: options.namespace ?? '' });
  try {
    const seal = (await readTopic(bus, sealTopicOf(service), { reader: 'verify-chain' })).at(-1)?.event.data as
      Seal | undefined;
    if (!seal) return { valid: false, problem: `No seal of ${service} has been published on the bus.` };
    return await verifyStoreAgainstSeal(store, seal, publicKeys);
  } finally {
    await bus.close();
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        stream: { type: 'string' },
        category: { type: 'string', multiple: true },
        seals: { type: 'string' },
        'public-key': { type: 'string', multiple: true },
        service: { type: 'string' },
        namespace: { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const [url, ...extra] = parsed.positionals;
  const { seals, 'public-key': publicKeyFiles = [] } = parsed.values;
  if (!url || extra.length > 0 || (seals !== undefined) !== publicKeyFiles.length > 0) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  for (const file of [...(url.startsWith('sqlite:') ? [url.slice('sqlite:'.length)] : []), ...publicKeyFiles]) {
    if (!existsSync(file)) {
      process.stderr.write(`No file at ${file}: nothing to verify with.\n`);
      return 2;
    }
  }
  const store = eventStoreFromUrl(url);
  try {
    const result = seals
      ? await againstLatestSeal(store, {
          busUrl: seals,
          publicKeyFiles,
          ...(parsed.values.service ? { service: parsed.values.service } : {}),
          ...(parsed.values.namespace ? { namespace: parsed.values.namespace } : {}),
        })
      : parsed.values.stream
        ? await verifyStream(store, parsed.values.stream)
        : await verifyAllStreams(store, parsed.values.category ? { categories: parsed.values.category } : undefined);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } finally {
    await store.close();
  }
}

runCommand(main);
