import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The key of one data subject (a person) for crypto-shredding; destroying it makes their data unreadable. */
export interface KeyStore {
  /** The subject's key, made on first use; undefined once it was destroyed (a destroyed key never comes back). */
  keyFor(subjectId: string): Buffer | undefined;
  /** The subject's key if it exists, without making one. */
  find(subjectId: string): Buffer | undefined;
  /** Destroys the key for good and remembers that it was destroyed (the tombstone holds no key). */
  destroy(subjectId: string, destroyedAt: string): void;
  /** When the subject's key was destroyed, if it was. */
  destroyedAt(subjectId: string): string | undefined;
  close(): void;
}

const KEY_BYTES = 32;

/** Keys in memory, for unit tests and the in-memory event store. */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, Buffer>();
  private readonly destroyed = new Map<string, string>();

  keyFor(subjectId: string): Buffer | undefined {
    if (this.destroyed.has(subjectId)) return undefined;
    const existing = this.keys.get(subjectId);
    if (existing) return existing;
    const key = randomBytes(KEY_BYTES);
    this.keys.set(subjectId, key);
    return key;
  }

  find(subjectId: string): Buffer | undefined {
    return this.keys.get(subjectId);
  }

  destroy(subjectId: string, destroyedAt: string): void {
    this.keys.get(subjectId)?.fill(0);
    this.keys.delete(subjectId);
    if (!this.destroyed.has(subjectId)) this.destroyed.set(subjectId, destroyedAt);
  }

  destroyedAt(subjectId: string): string | undefined {
    return this.destroyed.get(subjectId);
  }

  close(): void {
    this.keys.clear();
  }
}

/**
 * Keys in a SQLite file of their own, apart from the event store. `secure_delete` overwrites a
 * deleted key's bytes in its page and in free pages; the WAL, which still holds the page as it was
 * written, is checkpointed and truncated right after, so no copy of a destroyed key stays in a file.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS subject_keys (
      subject_id TEXT PRIMARY KEY,
      key BLOB,
      created_at TEXT NOT NULL,
      destroyed_at TEXT
    )`);
  }

  keyFor(subjectId: string): Buffer | undefined {
    this.db
      .prepare('INSERT OR IGNORE INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, ?)')
      .run(subjectId, randomBytes(KEY_BYTES), new Date().toISOString());
    return this.find(subjectId);
  }

  find(subjectId: string): Buffer | undefined {
    const row = this.db.prepare('SELECT key FROM subject_keys WHERE subject_id = ?').get(subjectId) as
      { key: Buffer | null } | undefined;
    return row?.key ?? undefined;
  }

  destroy(subjectId: string, destroyedAt: string): void {
    this.db
      .prepare(
        `INSERT INTO subject_keys (subject_id, key, created_at, destroyed_at) VALUES (?, NULL, ?, ?)
         ON CONFLICT (subject_id) DO UPDATE SET key = NULL, destroyed_at = COALESCE(destroyed_at, excluded.destroyed_at)`,
      )
      .run(subjectId, destroyedAt, destroyedAt);
    const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result?.busy)
      throw new Error(
        `The key of ${subjectId} is destroyed, but another connection kept the key store's WAL from being cleared; retry the erasure.`,
      );
  }

  destroyedAt(subjectId: string): string | undefined {
    const row = this.db.prepare('SELECT destroyed_at FROM subject_keys WHERE subject_id = ?').get(subjectId) as
      { destroyed_at: string | null } | undefined;
    return row?.destroyed_at ?? undefined;
  }

  close(): void {
    this.db.close();
  }
}
