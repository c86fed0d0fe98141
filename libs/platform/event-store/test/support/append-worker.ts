/**
 * Run as a separate OS process by the multi-process and crash tests: appends `count` events to a
 * shared SQLite file, each at the revision it last read, retrying on conflicts the way a command
 * handler would, and prints `ack <i>` once append i has been acknowledged.
 */
import { SqliteEventStore, WrongExpectedRevisionError } from '../../src';

async function main(): Promise<void> {
  const [file, writer, countText] = process.argv.slice(2) as [string, string, string];
  const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
  // Report readiness and wait for the go, so both writers start together and really interleave.
  process.stdout.write('ready\n');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.pause();
  for (let i = 0; i < Number(countText); i++) {
    // Requests arrive spaced, not back to back; without a pause SQLite's busy handler lets one writer starve the other.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const stream = `shared-${i % 3}`;
    for (;;) {
      const revision = await store.lastRevision(stream);
      try {
        await store.append(
          stream,
          [
            {
              type: 'Appended',
              data: { writer, i },
              metadata: { actor: { id: writer, role: 'system' }, source: 'worker' },
            },
          ],
          revision ?? 'no-stream',
        );
        process.stdout.write(`ack ${i}\n`);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }
  await store.close();
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
