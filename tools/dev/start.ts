/**
 * `npm start`: runs every service in apps/ on the embedded defaults (SQLite event stores, one
 * SQLite bus file shared by all services, in-memory read models), with synthetic sample data.
 * Each service's JSON log lines go to this terminal; Ctrl-C stops them all gracefully.
 * DATA_DIR moves the files (default data/); <SERVICE>_PORT, e.g. GOALS_PORT, moves a service.
 */
import { SERVICES } from '@bildungsregion/service-runtime';
import { spawn, ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

const dataDir = process.env['DATA_DIR'] ?? 'data';
const portOf = (service: keyof typeof SERVICES) =>
  Number(process.env[`${service.toUpperCase()}_PORT`] ?? SERVICES[service].port);

// Every registered service that has been built so far.
const services = (Object.keys(SERVICES) as (keyof typeof SERVICES)[]).filter((name) =>
  existsSync(join(root, 'apps', name, 'src', 'main.ts')),
);
const children: ChildProcess[] = services.map((service) => {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('apps', service, 'src', 'main.ts')],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        SEED_SAMPLE_DATA: 'true',
        BUS_URL: `sqlite:${join(dataDir, 'bus.sqlite')}`,
        EVENT_STORE_URL: `sqlite:${join(dataDir, service, 'events.sqlite')}`,
        ...process.env,
        PORT: String(portOf(service)),
        TS_NODE_PROJECT: join('apps', service, 'tsconfig.app.json'),
      },
    },
  );
  child.on('exit', (code, signal) => {
    process.stderr.write(`${service} exited (${signal ?? code})\n`);
    if (!stopping) stop(code ?? 1);
  });
  process.stderr.write(`${service}: http://localhost:${portOf(service)} (OpenAPI at /docs)\n`);
  return child;
});

let stopping = false;
function stop(code: number): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
