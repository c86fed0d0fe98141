import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const worker = join(__dirname, 'append-worker.ts');

/** An append worker in its own OS process; see append-worker.ts. */
export interface Writer {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  readonly finished: Promise<string>;
  /** The appends the writer has reported as acknowledged so far. */
  acknowledged(): number[];
}

export function startWriter(file: string, name: string, count: number): Writer {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', worker, file, name, String(count)],
    { env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') }, stdio: ['pipe', 'pipe', 'pipe'] },
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
  finished.catch(() => undefined);
  return {
    process: child,
    ready: Promise.race([ready, finished.then(() => undefined)]),
    finished,
    acknowledged: () => [...stdout.matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1])),
  };
}
