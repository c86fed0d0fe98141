import { ChildProcess, spawn, spawnSync } from 'node:child_process';

/** A TypeScript worker in its own OS process that prints `ready` once set up. */
export interface WorkerProcess {
  readonly process: ChildProcess;
  readonly ready: Promise<void>;
  /** Resolves with stdout when the worker exits with 0; rejects with stderr otherwise. */
  readonly finished: Promise<string>;
  /** Everything printed so far on stdout. */
  output(): string;
}

export function startWorker(
  script: string,
  args: readonly string[],
  tsconfig: string,
  env: NodeJS.ProcessEnv = {},
): WorkerProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    {
      env: { ...process.env, ...env, TS_NODE_PROJECT: tsconfig },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let signalReady!: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (/^ready$/m.test(stdout)) signalReady();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<string>((resolve, reject) =>
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${script} ended with ${code ?? signal}: ${stderr}`)),
    ),
  );
  finished.catch(() => undefined);
  return {
    process: child,
    ready: Promise.race([ready, finished.then(() => undefined)]),
    finished,
    output: () => stdout,
  };
}

/** Runs a TypeScript command-line script to its end, as an operator would. */
export function runScript(
  script: string,
  args: readonly string[],
  tsconfig: string,
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env, TS_NODE_PROJECT: tsconfig },
    },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
