import { DEVELOPMENT_SECRET, TokenVerifier } from '@bildungsregion/http';
import { runScript } from '@bildungsregion/testing';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const token = (...args: string[]) =>
  runScript(join(__dirname, 'token.ts'), args, join(__dirname, '..', 'tsconfig.json'), root);

describe('npm run token', () => {
  it('prints a token the services accept, and nothing else', async () => {
    const coordinator = token('--role', 'coordinator');
    expect(coordinator).toMatchObject({ code: 0, stderr: '' });
    expect(coordinator.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const verifier = new TokenVerifier({ secret: DEVELOPMENT_SECRET });
    expect(await verifier.verify(coordinator.stdout.trim())).toEqual({ id: 'dev-coordinator', role: 'coordinator' });
    const actor = token('--role', 'actor', '--actor', 'vhs-osnabrueck');
    expect(await verifier.verify(actor.stdout.trim())).toEqual({ id: 'vhs-osnabrueck', role: 'actor' });
  });

  it('explains bad usage on stderr and exits 2', () => {
    for (const args of [[], ['--role', 'mayor'], ['--role', 'actor'], ['--colour', 'red']]) {
      const run = token(...args);
      expect([args, run.code, run.stdout]).toEqual([args, 2, '']);
      expect(run.stderr).toMatch(/usage: token --role/);
    }
  });
});
