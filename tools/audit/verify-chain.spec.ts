import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@bildungsregion/event-store';
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

  it('explains its usage on bad arguments and exits 2', () => {
    const result = verifyChain();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: verify-chain/);
    expect(verifyChain('postgres://x').stderr).toMatch(/Unknown event store URL/);
    expect(verifyChain(`sqlite:${join(dir, 'typo.sqlite')}`)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/No event store file/),
    });
  });
});
