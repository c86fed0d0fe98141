/**
 * `npm start`: the whole system on its embedded defaults at one origin, http://localhost:3000 — the web
 * app, `/api/<service>/…` for every service in apps/ (SQLite event stores, one SQLite bus file shared by
 * all services, SQLite read models, synthetic sample data) and `/auth/…` for the development
 * OpenID Provider the services trust through its JWKS. Log lines go to this terminal; Ctrl-C stops
 * everything gracefully. DATA_DIR moves the files (default data/); WEB_PORT, IDENTITY_PORT and
 * <SERVICE>_PORT, e.g. GOALS_PORT, move the ports; WEB_ORIGIN says where browsers reach the gateway
 * (default http://localhost:<WEB_PORT>). SKIP_WEB_BUILD=true serves the web app as last built.
 * <SERVICE>_INSTANCES, e.g. GOALS_INSTANCES=2, runs several instances of a service on its files, at
 * its port plus 100, 200, …; the gateway sends requests to them in turn.
 */
import { builtServices, SERVICES } from '@bildungsregion/service-runtime';
import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import { Server } from 'node:http';
import { join } from 'node:path';
import { gatewayApp } from './gateway';

const root = join(__dirname, '..', '..');

const dataDir = process.env['DATA_DIR'] ?? 'data';
const webPort = Number(process.env['WEB_PORT'] ?? 3000);
const webOrigin = process.env['WEB_ORIGIN'] ?? `http://localhost:${webPort}`;
const identityPort = Number(process.env['IDENTITY_PORT'] ?? 3009);
const issuer = process.env['IDENTITY_ISSUER'] ?? `${webOrigin}/auth`;
const webRoot = join(root, 'dist', 'apps', 'web');
const portOf = (service: keyof typeof SERVICES) =>
  Number(process.env[`${service.toUpperCase()}_PORT`] ?? SERVICES[service].port);
const instancesOf = (service: keyof typeof SERVICES) => {
  const setting = process.env[`${service.toUpperCase()}_INSTANCES`] ?? '1';
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 1 || count > 9) {
    process.stderr.write(`${service.toUpperCase()}_INSTANCES must be a whole number from 1 to 9, not ${setting}\n`);
    process.exit(1);
  }
  return Array.from({ length: count }, (_, index) => ({ number: index + 1, port: portOf(service) + 100 * index }));
};

if (process.env['SKIP_WEB_BUILD'] !== 'true') {
  process.stderr.write('web: building the web app (cached after the first time)\n');
  const build = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run', 'web:build'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false' },
    },
  );
  if (build.status !== 0) {
    process.stderr.write('web: the build failed (see above)\n');
    process.exit(1);
  }
}

const tsNode = ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'];
const children: ChildProcess[] = [];

function run(name: string, script: string, env: NodeJS.ProcessEnv): void {
  const child = spawn(process.execPath, [...tsNode, script], { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    process.stderr.write(`${name} exited (${signal ?? code})\n`);
    if (!stopping) stop(code ?? 1);
  });
  children.push(child);
}

run('identity', join('tools', 'dev', 'identity', 'main.ts'), {
  ...process.env,
  DATA_DIR: dataDir,
  IDENTITY_PORT: String(identityPort),
  IDENTITY_ISSUER: issuer,
  WEB_ORIGINS: process.env['WEB_ORIGINS'] ?? webOrigin,
  TS_NODE_PROJECT: join('tools', 'tsconfig.json'),
});

// Every registered service that has been built so far.
const services = builtServices(root);
for (const service of services) {
  for (const instance of instancesOf(service)) {
    const name = instance.number === 1 ? service : `${service}#${instance.number}`;
    run(name, join('apps', service, 'src', 'main.ts'), {
      SEED_SAMPLE_DATA: 'true',
      BUS_URL: `sqlite:${join(dataDir, 'bus.sqlite')}`,
      EVENT_STORE_URL: `sqlite:${join(dataDir, service, 'events.sqlite')}`,
      // Kept across restarts, so projections resume from their checkpoints instead of replaying every event.
      READ_MODELS_URL: `sqlite:${join(dataDir, service, 'read-models.sqlite')}`,
      // Tokens come from the development provider, unless a shared secret is configured instead.
      ...(process.env['JWT_SECRET']
        ? {}
        : { JWT_JWKS_URL: `http://127.0.0.1:${identityPort}/auth/jwks`, JWT_ISSUER: issuer }),
      ...process.env,
      PORT: String(instance.port),
      TS_NODE_PROJECT: join('apps', service, 'tsconfig.app.json'),
    });
    process.stderr.write(`${name}: http://localhost:${instance.port} (OpenAPI at /docs)\n`);
  }
}

const gateway: Server = gatewayApp({
  webRoot,
  identityUrl: `http://127.0.0.1:${identityPort}`,
  services: Object.fromEntries(
    services.map((service) => [service, instancesOf(service).map((instance) => `http://127.0.0.1:${instance.port}`)]),
  ),
}).listen(webPort, () => process.stderr.write(`Bildungsregion: ${webOrigin}\n`));
gateway.on('error', (error) => {
  process.stderr.write(`web: ${error.message}\n`);
  stop(1);
});

let stopping = false;
function stop(code: number): void {
  stopping = true;
  gateway.close();
  gateway.closeAllConnections();
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
