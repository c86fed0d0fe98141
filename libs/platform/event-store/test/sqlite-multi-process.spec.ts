import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore, verifyAllStreams } from '../src';
import { useTempDir } from './support/temp-dir';

const worker = join(__dirname, 'support', 'append-worker.ts');
const PER_WRITER = 400;

interface Writer {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  readonly finished: Promise<string>;
}

function startWriter(file: string, name: string): Writer {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', worker, file, name, String(PER_WRITER)],
    { env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json') }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  let signalReady: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.startsWith('ready\n')) signalReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${name} exited with ${code}: ${stderr}`)))),
  );
  return { process: child, ready: Promise.race([ready, finished.then(() => undefined)]), finished };
}

describe('SQLite event store shared by several OS processes', () => {
  const tempDir = useTempDir();

  it('loses nothing, duplicates no revision and keeps global positions gap-free while two processes append', async () => {
    const file = join(tempDir(), 'shared.sqlite');
    const observer = new SqliteEventStore({ file, pollIntervalMs: 10 });
    const seenLive: RecordedEvent[] = [];
    const subscription = observer.subscribe({ after: 0 }, (event) => {
      seenLive.push(event);
    });

    const writers = [startWriter(file, 'writer-a'), startWriter(file, 'writer-b')];
    await Promise.all(writers.map((writer) => writer.ready));
    for (const writer of writers) writer.process.stdin?.end('go\n');
    await Promise.all(writers.map((writer) => writer.finished));

    const all = await observer.readAll();
    expect(all).toHaveLength(2 * PER_WRITER);
    expect(all.map((event) => event.position)).toEqual(all.map((_, index) => index + 1));
    for (const writer of ['writer-a', 'writer-b']) {
      const mine = all.filter((event) => (event.data as { writer: string }).writer === writer).map((event) => (event.data as { i: number }).i);
      expect(mine).toEqual(Array.from({ length: PER_WRITER }, (_, i) => i));
    }
    for (const stream of ['shared-0', 'shared-1', 'shared-2']) {
      const revisions = (await observer.readStream(stream)).map((event) => event.revision);
      expect(revisions).toEqual(revisions.map((_, index) => index));
    }
    expect(await verifyAllStreams(observer)).toMatchObject({ valid: true, eventsChecked: 2 * PER_WRITER });

    const deadline = Date.now() + 10_000;
    while (seenLive.length < 2 * PER_WRITER && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seenLive.map((event) => event.position)).toEqual(all.map((event) => event.position));
    await subscription.close();
    await observer.close();
    const order = all.map((event) => (event.data as { writer: string }).writer);
    const switches = order.filter((writer, index) => index > 0 && writer !== order[index - 1]).length;
    expect(switches).toBeGreaterThan(1);
  });
});
