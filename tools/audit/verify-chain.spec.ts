import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busFromUrl, createLogger } from '@bildungsregion/bus';
import { SealKey, SqliteEventStore } from '@bildungsregion/event-store';
import { SealKeeper } from '@bildungsregion/service-runtime';
import { EventStoreFileAttacker } from '@bildungsregion/testing';
import { runScript } from '@bildungsregion/testing';

const root = join(__dirname, '..', '..');

function verifyChain(...args: string[]) {
  return runScript(join(__dirname, 'verify-chain.ts'), args, join(root, 'tools', 'tsconfig.json'), root);
}

describe('verify-chain', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'verify-chain-'));
    file = join(dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const metadata = { actor: { id: 'koordination-1', role: 'coordinator' }, source: 'goals' };
    await store.append(
      'goal-1',
      [{ type: 'Drafted', data: { title: 'Übergänge Kita–Grundschule' }, metadata }],
      'no-stream',
    );
    await store.append('goal-2', [{ type: 'Drafted', data: { title: 'Ganztagsquote 2030' }, metadata }], 'no-stream');
    await store.close();
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports intact chains and exits 0', () => {
    const result = verifyChain(`sqlite:${file}`);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: true, streamsChecked: 2, eventsChecked: 2 });
  });

  it('names the broken event and exits 1 after a byte of the file changed', () => {
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Ganztagsquote 2030'));
    bytes.write('Ganztagsquote 2031', at);
    writeFileSync(file, bytes);
    const result = verifyChain(`sqlite:${file}`);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, broken: [{ streamId: 'goal-2', revision: 0 }] });
    expect(verifyChain(`sqlite:${file}`, '--stream', 'goal-1').code).toBe(0);
  });

  it('reports a stream that does not exist as missing and exits 1', () => {
    const result = verifyChain(`sqlite:${file}`, '--stream', 'goal-99');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ valid: false, missing: true });
  });

  it('explains its usage on bad arguments and exits 2', () => {
    const result = verifyChain();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: verify-chain/);
    expect(verifyChain('postgres://x').stderr).toMatch(/Unknown event store URL/);
    expect(verifyChain(`sqlite:${join(dir, 'typo.sqlite')}`)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/No file at .*typo\.sqlite/),
    });
    expect(verifyChain(`sqlite:${file}`, '--seals', 'sqlite:bus.sqlite').code).toBe(2);
  });

  it('checks the store against the latest seal on the bus with the public key, and finds a truncated stream', async () => {
    const sealedFile = join(dir, 'sealed.sqlite');
    const busUrl = `sqlite:${join(dir, 'bus.sqlite')}`;
    const keyFile = join(dir, 'seal-key.pem');
    const store = new SqliteEventStore({ file: sealedFile });
    const metadata = { actor: { id: 'koordination-1', role: 'coordinator' }, source: 'goals' };
    for (const title of ['Erster Entwurf', 'Zweiter Entwurf'])
      await store.append('goal-7', [{ type: 'Drafted', data: { title }, metadata }], 'any');
    const bus = busFromUrl(busUrl);
    const keeper = new SealKeeper(
      'goals',
      store,
      bus,
      SealKey.fromFile(keyFile),
      { trustedKeyFiles: [], intervalSeconds: 0 },
      createLogger('seals'),
    );
    await keeper.start();
    await keeper.seal();
    await bus.close();
    await store.close();
    const intact = verifyChain(`sqlite:${sealedFile}`, '--seals', busUrl, '--public-key', `${keyFile}.pub`);
    expect(intact.code).toBe(0);
    expect(JSON.parse(intact.stdout)).toMatchObject({ valid: true, seal: { sequence: 1, signatureValid: true } });
    const attacker = new EventStoreFileAttacker(sealedFile);
    attacker.truncate('goal-7', 1);
    attacker.close();
    const truncated = verifyChain(`sqlite:${sealedFile}`, '--seals', busUrl, '--public-key', `${keyFile}.pub`);
    expect(truncated.code).toBe(1);
    expect(JSON.parse(truncated.stdout)).toMatchObject({
      valid: false,
      truncatedStreams: [{ streamId: 'goal-7', sealedLength: 2, length: 1 }],
    });
    const otherKey = join(dir, 'other-key.pem');
    SealKey.fromFile(otherKey);
    const forged = verifyChain(`sqlite:${sealedFile}`, '--seals', busUrl, '--public-key', `${otherKey}.pub`);
    expect(JSON.parse(forged.stdout)).toMatchObject({ valid: false, seal: { signatureValid: false } });
  });
});
