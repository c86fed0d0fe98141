/**
 * Lists the dead letters of a topic for operators: why each message failed, how often it was tried,
 * where it came from, and the message itself. Reads with a consumer group of its own, so it takes
 * nothing away from the services.
 *
 *   npm run -s dead-letters -- <bus URL> <topic> [--namespace <topic namespace>] [--idle-ms <ms>]
 *
 * Prints one JSON object per line and ends once no dead letter arrived for --idle-ms (default 2000;
 * give Kafka more, it needs a few seconds to join the group). Exits 0, or 2 on bad usage.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { busFromUrl, DeadLetter } from '@bildungsregion/bus';
import { runCommand } from '../cli/run-command';

const usage =
  'usage: dead-letters <bus URL: sqlite:<file> | kafka://host:port> <topic> [--namespace <namespace>] [--idle-ms <ms>]';

function describe(deadLetter: DeadLetter): Record<string, unknown> {
  let value: unknown = deadLetter.value;
  try {
    value = JSON.parse(deadLetter.value);
  } catch {
    // Not JSON: shown as the text that arrived, which is often why it was dead-lettered.
  }
  return {
    topic: deadLetter.topic,
    key: deadLetter.key,
    error: deadLetter.error,
    attempts: deadLetter.attempts,
    consumerGroup: deadLetter.consumerGroup,
    partition: deadLetter.originalPartition,
    offset: deadLetter.originalOffset,
    failedAt: deadLetter.headers['dlq_failed_at'],
    id: deadLetter.headers['ce_id'],
    type: deadLetter.headers['ce_type'],
    value,
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { namespace: { type: 'string' }, 'idle-ms': { type: 'string', default: '2000' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    return 2;
  }
  const [url, topic, ...extra] = parsed.positionals;
  const idleMs = Number(parsed.values['idle-ms']);
  if (!url || !topic || extra.length > 0 || !Number.isInteger(idleMs) || idleMs <= 0) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (url.startsWith('sqlite:') && !existsSync(url.slice('sqlite:'.length))) {
    process.stderr.write(`No bus file at ${url.slice('sqlite:'.length)}.\n`);
    return 2;
  }
  const bus = busFromUrl(url, { topicNamespace: parsed.values.namespace, logger: pino({ level: 'silent' }) });
  let lastArrival = Date.now();
  try {
    const subscription = await bus.subscribeDeadLetters({
      groupId: `dead-letter-inspection-${randomUUID()}`,
      topics: [topic],
      handler: async (deadLetter) => {
        lastArrival = Date.now();
        process.stdout.write(`${JSON.stringify(describe(deadLetter))}\n`);
      },
    });
    while (Date.now() - lastArrival < idleMs) await new Promise((resolve) => setTimeout(resolve, 100));
    await subscription.stop();
    return 0;
  } finally {
    await bus.close();
  }
}

runCommand(main);
