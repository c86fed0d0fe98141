/**
 * Publishes `count` measurement events to the SQLite bus in its own OS process, one by one, keyed
 * by `<name>-<n mod 5>`. Prints `ready`, waits for a line on stdin, publishes, and exits.
 *
 *   publish-worker <file> <name> <count>
 */
import { Topics } from '@bildungsregion/contracts';
import pino from 'pino';
import { busFromUrl } from '../../src';
import { measurementRecorded } from './messages';

async function main(): Promise<void> {
  const [file, name, count] = process.argv.slice(2) as [string, string, string];
  const bus = busFromUrl(`sqlite:${file}`, { logger: pino({ level: 'silent' }) });
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  for (let sequence = 0; sequence < Number(count); sequence++) {
    await bus.publish([
      { topic: Topics.monitoring, key: `${name}-${sequence % 5}`, event: measurementRecorded('03459020', sequence) },
    ]);
  }
  await bus.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
