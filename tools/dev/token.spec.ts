import { DEVELOPMENT_SECRET, TokenVerifier } from '@bildungsregion/http';
import { eventually, runScript, useTempDir } from '@bildungsregion/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsconfig = join(__dirname, '..', 'tsconfig.json');
const IDENTITY_PORT = 3967;

describe('npm run token', () => {
  const dir = useTempDir();
  const token = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runScript(join(__dirname, 'token.ts'), args, tsconfig, root, { DATA_DIR: dir(), JWT_SECRET: '', ...env });

  it('signs with the development provider’s key, so the services accept it through the provider’s JWKS', async () => {
    const coordinator = token(['--role', 'coordinator']);
    expect(coordinator).toMatchObject({ code: 0, stderr: '' });
    expect(coordinator.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const actor = token(['--role', 'actor', '--actor', 'vhs-osnabruecker-land']);

    const provider = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(__dirname, 'identity', 'main.ts'),
      ],
      {
        cwd: root,
        stdio: 'ignore',
        env: { ...process.env, TS_NODE_PROJECT: tsconfig, DATA_DIR: dir(), IDENTITY_PORT: String(IDENTITY_PORT) },
      },
    );
    const exited = new Promise((resolve) => provider.once('exit', resolve));
    try {
      const jwksUrl = `http://127.0.0.1:${IDENTITY_PORT}/auth/jwks`;
      await eventually(async () => (await fetch(jwksUrl).catch(() => undefined))?.ok === true, 30_000);
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'http://localhost:3000/auth' });
      expect(await verifier.verify(coordinator.stdout.trim())).toEqual({ id: 'dev-coordinator', role: 'coordinator' });
      expect(await verifier.verify(actor.stdout.trim())).toEqual({ id: 'vhs-osnabruecker-land', role: 'actor' });
      const secretVerifier = new TokenVerifier({ secret: DEVELOPMENT_SECRET, issuer: 'http://localhost:3000/auth' });
      await expect(secretVerifier.verify(coordinator.stdout.trim())).rejects.toThrow(/not valid/);
    } finally {
      provider.kill('SIGTERM');
      await exited;
    }
  });

  it('signs with JWT_SECRET instead when one is set', async () => {
    const run = token(['--role', 'auditor'], { JWT_SECRET: DEVELOPMENT_SECRET });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const verifier = new TokenVerifier({ secret: DEVELOPMENT_SECRET });
    expect(await verifier.verify(run.stdout.trim())).toEqual({ id: 'dev-auditor', role: 'auditor' });
  });

  it('explains bad usage on stderr and exits 2', () => {
    for (const args of [[], ['--role', 'mayor'], ['--role', 'actor'], ['--colour', 'red']]) {
      const run = token(args);
      expect([args, run.code, run.stdout]).toEqual([args, 2, '']);
      expect(run.stderr).toMatch(/usage: token --role/);
    }
  });
});
