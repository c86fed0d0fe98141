import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { ServiceName } from '@bildungsregion/service-runtime';
import { eventually } from '@bildungsregion/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');

/** A port nothing listens on right now, for a service started next. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** One service as its own OS process, started the way `npm start` starts it. */
export interface ServiceProcess {
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything the service wrote to stderr, for a failing test's message. */
  errors(): string;
  /** Everything the service wrote to stdout and stderr since it started: its logs. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startService(
  service: ServiceName,
  port: number,
  env: NodeJS.ProcessEnv,
): Promise<ServiceProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('apps', service, 'src', 'main.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...env,
        PORT: String(port),
        TS_NODE_PROJECT: join('apps', service, 'tsconfig.app.json'),
      },
    },
  );
  let stderr = '';
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => {
    output.push(chunk);
    stderr = (stderr + chunk.toString()).slice(-20_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => (await fetch(`${url}/health`).catch(() => undefined))?.ok === true,
    90_000,
    () => `${service} did not become healthy: ${stderr}`,
  );
  return {
    url,
    process: child,
    errors: () => stderr,
    output: () => Buffer.concat(output).toString('utf8'),
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A coordinator's and an auditor's bearer headers, signed with the development secret the services use. */
export async function authHeaders(): Promise<{ coordinator: Record<string, string>; auditor: Record<string, string> }> {
  const bearer = async (role: 'coordinator' | 'auditor') => ({
    Authorization: `Bearer ${await issueToken(DEVELOPMENT_SECRET, { role })}`,
  });
  return { coordinator: await bearer('coordinator'), auditor: await bearer('auditor') };
}

/** A JSON request; `Body` is the shape the caller expects back. */
export async function call<Body = Record<string, unknown>>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown; csv?: string } = {},
): Promise<{ status: number; body: Body }> {
  const response = await fetch(url, {
    method: init.method ?? (init.body !== undefined || init.csv !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(init.headers ?? {}),
      ...(init.csv !== undefined
        ? { 'Content-Type': 'text/csv' }
        : init.body !== undefined
          ? { 'Content-Type': 'application/json' }
          : {}),
    },
    ...(init.csv !== undefined
      ? { body: init.csv }
      : init.body !== undefined
        ? { body: JSON.stringify(init.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Body };
}
