/**
 * Verifies the hash chains of an event store, independently of the services that wrote it.
 *
 *   npm run -s verify-chain -- <event store URL> [--stream <stream id>] [--category <category>]
 *
 * Prints the result as JSON and exits 0 when every chain is intact, 1 when one is broken, 2 on bad usage.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { eventStoreFromUrl, verifyAllStreams, verifyStream } from '@bildungsregion/event-store';
import { runCommand } from '../cli/run-command';

const usage =
  'usage: verify-chain <event store URL: sqlite:<file> | esdb://…> [--stream <stream id>] [--category <category>]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { stream: { type: 'string' }, category: { type: 'string', multiple: true } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const [url, ...extra] = parsed.positionals;
  if (!url || extra.length > 0) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (url.startsWith('sqlite:') && !existsSync(url.slice('sqlite:'.length))) {
    process.stderr.write(`No event store file at ${url.slice('sqlite:'.length)}: nothing to verify.\n`);
    return 2;
  }
  const store = eventStoreFromUrl(url);
  try {
    const result = parsed.values.stream
      ? await verifyStream(store, parsed.values.stream)
      : await verifyAllStreams(store, parsed.values.category ? { categories: parsed.values.category } : undefined);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } finally {
    await store.close();
  }
}

runCommand(main);
