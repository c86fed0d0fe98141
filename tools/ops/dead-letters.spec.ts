import { busFromUrl, encodeCloudEvent, LogTransport, SqliteTopicLog, TransportBus } from '@bildungsregion/bus';
import { MeasurementRecorded, Topics } from '@bildungsregion/contracts';
import { eventually, runScript, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';

const root = join(__dirname, '..', '..');
const topic = Topics.monitoring;
const silent = pino({ level: 'silent' });

function deadLetters(...args: string[]) {
  return runScript(join(__dirname, 'dead-letters.ts'), args, join(root, 'tools', 'tsconfig.json'), root);
}

describe('dead-letters', () => {
  const dir = useTempDir();

  it('lists each dead letter of a topic with its error, attempts, origin and message', async () => {
    const file = join(dir(), 'bus.sqlite');
    const transport = new LogTransport(new SqliteTopicLog({ file }));
    const bus = new TransportBus(transport, { logger: silent });
    await bus.ensureTopics([topic]);
    const event = {
      id: randomUUID(),
      type: MeasurementRecorded.type,
      source: 'monitoring',
      subject: 'measurement-7',
      time: '2026-03-01T10:00:00.000Z',
      correlationId: 'import-3',
      data: {
        measurementId: 'measurement-7',
        indicatorKey: 'betreuungsquote-u3',
        regionKey: '03459020',
        period: '2025',
        value: 38.2,
        source: 'Kinder- und Jugendhilfestatistik',
        recordedBy: { id: 'coordinator-1', role: 'coordinator' },
      },
    };
    await bus.publish([{ topic, event }]);
    await transport.produce(topic, [{ ...encodeCloudEvent(event, 'measurement-8'), value: 'not json' }]);
    let failed = 0;
    const subscription = await bus.subscribe({
      groupId: 'goals',
      topics: [topic],
      retry: { maxAttempts: 2, initialBackoffMs: 1 },
      handler: async () => {
        failed++;
        throw new RangeError('indicator betreuungsquote-u3 is not linked to a goal');
      },
    });
    await eventually(() => failed === 2);
    await subscription.stop();
    await bus.close();

    const run = deadLetters(`sqlite:${file}`, topic, '--idle-ms', '1000');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const listed = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          topic,
          key: 'measurement-7',
          error: 'RangeError: indicator betreuungsquote-u3 is not linked to a goal',
          attempts: 2,
          consumerGroup: 'goals',
          id: event.id,
          type: MeasurementRecorded.type,
          value: event.data,
        }),
        expect.objectContaining({
          key: 'measurement-8',
          attempts: 0,
          error: expect.stringMatching(/^rejected before handling: value is not JSON/),
          value: 'not json',
        }),
      ]),
    );

    const again = deadLetters(`sqlite:${file}`, topic, '--idle-ms', '500');
    expect(again.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('explains bad usage and exits 2', () => {
    expect(deadLetters()).toMatchObject({ code: 2, stderr: expect.stringMatching(/^usage: dead-letters/) });
    expect(deadLetters(`sqlite:${join(dir(), 'missing.sqlite')}`, topic)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^No bus file at/),
    });
    expect(deadLetters('memory:', topic, '--idle-ms', 'soon')).toMatchObject({ code: 2 });
  });

  it('reports a topic that does not exist', () => {
    const file = join(dir(), 'empty.sqlite');
    const bus = busFromUrl(`sqlite:${file}`, { logger: silent });
    return bus.close().then(() => {
      expect(deadLetters(`sqlite:${file}`, topic)).toMatchObject({
        code: 2,
        stderr: 'topic bildung.monitoring.v1.dlq does not exist; create it with ensureTopics first\n',
      });
    });
  });
});
