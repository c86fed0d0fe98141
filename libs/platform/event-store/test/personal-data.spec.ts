import { useTempDir } from '@bildungsregion/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InMemoryKeyStore,
  isErased,
  KeyStore,
  PersonalDataErasedError,
  PersonalDataVault,
  SqliteKeyStore,
} from '../src';

const person = { name: 'Hiltrud Beispielfrau', email: 'h.beispielfrau@example.org', phone: '05401 123456' };

/** Every byte of the key store's files, the WAL and its index included. */
function filesOf(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`, `${file}-shm`].filter(existsSync).map((path) => readFileSync(path)));
}

describe.each([
  ['in memory', () => new InMemoryKeyStore()],
  ['in SQLite', (dir: string) => new SqliteKeyStore(join(dir, 'keys.sqlite'))],
] as const)('a personal data vault with keys %s', (_, createKeys) => {
  const dir = useTempDir();
  let keys: KeyStore;
  let vault: PersonalDataVault;

  beforeEach(() => {
    keys = createKeys(dir());
    vault = new PersonalDataVault(keys);
  });

  afterEach(() => keys.close());

  it('keeps personal data only encrypted, and opens it with the person’s key', () => {
    const sealed = vault.seal('contact-1', person);
    expect(JSON.stringify(sealed)).not.toContain('Beispielfrau');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('utf8')).not.toContain('Beispielfrau');
    expect(vault.open('contact-1', sealed)).toEqual(person);
    expect(vault.seal('contact-1', person).iv).not.toBe(sealed.iv);
  });

  it('refuses to open one person’s data as another’s', () => {
    const sealed = vault.seal('contact-1', person);
    vault.seal('contact-2', { name: 'Zweite Person' });
    expect(() => vault.open('contact-2', sealed)).toThrow();
  });

  it('shows an erased person as erased, for good, and records nothing new about them', () => {
    const sealed = vault.seal('contact-1', person);
    vault.destroy('contact-1', '2026-11-28T10:00:00.000Z');
    vault.destroy('contact-1', '2026-11-29T10:00:00.000Z');
    const opened = vault.open('contact-1', sealed);
    expect(isErased(opened)).toBe(true);
    expect(opened).toEqual({ erased: true, erasedAt: '2026-11-28T10:00:00.000Z' });
    expect(vault.isErased('contact-1')).toBe(true);
    expect(() => vault.seal('contact-1', person)).toThrow(PersonalDataErasedError);
    expect(vault.open('contact-2', vault.seal('contact-2', person))).toEqual(person);
  });
});

describe('a SQLite key store', () => {
  const dir = useTempDir();

  it('leaves no copy of a destroyed key in its file, its free pages or its WAL', () => {
    const file = join(dir(), 'keys.sqlite');
    const keys = new SqliteKeyStore(file);
    const others = Array.from({ length: 50 }, (_, index) => keys.keyFor(`other-${index}`)!);
    const key = keys.keyFor('contact-1')!;
    expect(filesOf(file).includes(key)).toBe(true);
    keys.destroy('contact-1', new Date().toISOString());
    expect(filesOf(file).includes(key)).toBe(false);
    expect(others.every((other) => filesOf(file).includes(other))).toBe(true);
    keys.close();
    const reopened = new SqliteKeyStore(file);
    expect(reopened.find('contact-1')).toBeUndefined();
    expect(reopened.keyFor('contact-1')).toBeUndefined();
    expect(reopened.find('other-7')).toEqual(others[7]);
    reopened.close();
  });
});
