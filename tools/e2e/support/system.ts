import { eventually } from '@bildungsregion/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadOrCreateIdentityKeys, signWithIdentityKey } from '../../dev/identity/signing-key';
import { TokenRequest } from '@bildungsregion/http';
import { builtServices, ServiceName } from '@bildungsregion/service-runtime';

const root = join(__dirname, '..', '..', '..');

export interface RunningSystem {
  /** Where the browser opens the app, e.g. http://localhost:3940. */
  readonly origin: string;
  /** A bearer token as the development provider signs it, for set-up through the API. */
  token(request: TokenRequest): Promise<string>;
  errors(): string;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it — gateway, identity provider, every service — on ports of its
 * own. `webOrigin` says where browsers reach it when that is not the gateway (e.g. nginx in front).
 */
export async function startSystem(
  ports: { web: number; identity: number } & Partial<Record<ServiceName, number>>,
  dataDir: string,
  webOrigin = `http://localhost:${ports.web}`,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningSystem> {
  const gateway = `http://localhost:${ports.web}`;
  const services = builtServices(root);
  const unplaced = services.filter((service) => ports[service] === undefined);
  if (unplaced.length > 0) throw new Error(`startSystem needs a port for ${unplaced.join(', ')}.`);
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, 'tools', 'dev', 'start.ts')],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(root, 'tools', 'tsconfig.json'),
        DATA_DIR: dataDir,
        WEB_PORT: String(ports.web),
        WEB_ORIGIN: webOrigin,
        IDENTITY_PORT: String(ports.identity),
        ...Object.fromEntries(services.map((service) => [`${service.toUpperCase()}_PORT`, String(ports[service])])),
        LOG_LEVEL: 'warn',
        JWT_SECRET: '',
        ...env,
      },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const healthy = async (url: string) => (await fetch(url).catch(() => undefined))?.ok === true;
  await eventually(
    async () =>
      (await Promise.all(services.map((service) => healthy(`${gateway}/api/${service}/health`)))).every(Boolean) &&
      (await healthy(`${gateway}/auth/.well-known/openid-configuration`)) &&
      (await healthy(`${gateway}/`)),
    240_000,
    () => `the system did not come up at ${gateway}: ${stderr}`,
  );
  const keys = await loadOrCreateIdentityKeys(dataDir);
  return {
    origin: webOrigin,
    token: (request) => signWithIdentityKey(keys, request, `${webOrigin}/auth`),
    errors: () => stderr,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}
