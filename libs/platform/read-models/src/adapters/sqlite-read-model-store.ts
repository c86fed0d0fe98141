import Database from 'better-sqlite3';
import { commitsByOthers } from '@bildungsregion/event-store';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IndexDefinition, Lease, ReadModelCollection, ReadModelDocument, ReadModelStore } from '../port';
import { CollectionPersistence, InMemoryCollection, uniqueKeysOf } from './in-memory-read-model-store';

/** A deleted document's body: the row stays, so other processes learn of the deletion. */
const REMOVED = 'null';

interface DocumentRow {
  readonly collection: string;
  readonly id: string;
  readonly body: string;
  readonly seq: number;
}

/**
 * Read models kept in a SQLite file and queried in memory, for the embedded defaults: a restart
 * loads the documents and the projections' checkpoints from the file, so projections resume where
 * they stopped instead of replaying the store from its first event. Every write reaches the file
 * before memory. Several processes may share a file: each write takes a sequence number, and a
 * process that finds other processes' commits (SQLite's `data_version`) reads the rows written since
 * the last it saw before it answers or writes. Read models are rebuilt from events, so the file is
 * written without waiting for the disk on every commit.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, InMemoryCollection<ReadModelDocument>>();
  private readonly statements;
  private readonly changedByOthers: () => boolean;
  /** The highest sequence number in memory: rows above it were written by other processes. */
  private seenSeq: number;

  constructor(file: string, options: { readonly busyTimeoutMs?: number } = {}) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: options.busyTimeoutMs ?? 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
    // A file from before instances shared it gains its sequence numbers once, whoever starts first.
    this.db
      .transaction(() => {
        const columns = this.db.pragma('table_info(documents)') as { name: string }[];
        if (!columns.some((column) => column.name === 'seq'))
          this.db.exec('ALTER TABLE documents ADD COLUMN seq INTEGER NOT NULL DEFAULT 0');
        this.db.exec('CREATE INDEX IF NOT EXISTS documents_by_seq ON documents (seq)');
      })
      .immediate();
    this.statements = {
      load: this.db.prepare<[string, string], { body: string }>(
        'SELECT body FROM documents WHERE collection = ? AND body != ?',
      ),
      writtenSince: this.db.prepare<[number], DocumentRow>('SELECT * FROM documents WHERE seq > ? ORDER BY seq'),
      lastSeq: this.db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM documents'),
      save: this.db.prepare<[string, string, string, number]>(
        `INSERT INTO documents (collection, id, body, seq) VALUES (?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, seq = excluded.seq`,
      ),
      remove: this.db.prepare<[string, number, string, string]>(
        'UPDATE documents SET body = ?, seq = ? WHERE collection = ? AND id = ?',
      ),
      clear: this.db.prepare<[string, number, string]>('UPDATE documents SET body = ?, seq = ? WHERE collection = ?'),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ),
      acquireLease: this.db.prepare<[{ name: string; holder: string; expiresAt: number; now: number }]>(
        `INSERT INTO leases (name, holder, expires_at) VALUES (@name, @holder, @expiresAt)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
         WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`,
      ),
      releaseLease: this.db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
      lease: this.db.prepare<[string], { holder: string; expires_at: number }>(
        'SELECT holder, expires_at FROM leases WHERE name = ?',
      ),
    };
    this.changedByOthers = commitsByOthers(this.db);
    this.changedByOthers();
    this.seenSeq = this.statements.lastSeq.get()?.seq ?? 0;
  }

  collection<T extends ReadModelDocument>(
    name: string,
    indexes: readonly IndexDefinition[] = [],
  ): ReadModelCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      this.takeOthersWrites();
      collection = new InMemoryCollection(
        uniqueKeysOf(indexes),
        this.persistenceOf(name),
        this.statements.load.all(name, REMOVED).map((row) => JSON.parse(row.body) as ReadModelDocument),
        () => this.takeOthersWrites(),
      );
      this.collections.set(name, collection);
    }
    return collection as unknown as ReadModelCollection<T>;
  }

  async loadCheckpoint(name: string): Promise<number> {
    return this.statements.checkpoint.get(name)?.position ?? 0;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    this.statements.saveCheckpoint.run(name, position);
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    return this.statements.acquireLease.run({ name, holder, expiresAt: now + ttlMs, now }).changes === 1;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    this.statements.releaseLease.run(name, holder);
  }

  async leaseOf(name: string): Promise<Lease | null> {
    const row = this.statements.lease.get(name);
    return row ? { name, holder: row.holder, expiresAt: new Date(row.expires_at).toISOString() } : null;
  }

  async close(): Promise<void> {
    this.collections.clear();
    if (this.db.open) this.db.close();
  }

  /** Brings the collections in memory up to date with what other processes committed. */
  private takeOthersWrites(): void {
    if (!this.db.open || !this.changedByOthers()) return;
    for (const row of this.statements.writtenSince.iterate(this.seenSeq)) {
      this.collections.get(row.collection)?.took(row.id, JSON.parse(row.body) as ReadModelDocument | null);
      this.seenSeq = row.seq;
    }
  }

  private persistenceOf(collection: string): CollectionPersistence<ReadModelDocument> {
    const nextSeq = () => (this.seenSeq = (this.statements.lastSeq.get()?.seq ?? 0) + 1);
    return {
      exclusively: <R>(write: () => R): R => {
        const seenBefore = this.seenSeq;
        try {
          return this.db
            .transaction(() => {
              this.takeOthersWrites();
              return write();
            })
            .immediate();
        } catch (error) {
          // The sequence numbers of a rolled-back write are free again for other processes.
          this.seenSeq = Math.min(this.seenSeq, seenBefore);
          throw error;
        }
      },
      saved: (documents) => {
        const seq = nextSeq();
        for (const document of documents)
          this.statements.save.run(collection, document.id, JSON.stringify(document), seq);
      },
      deleted: (id) => this.statements.remove.run(REMOVED, nextSeq(), collection, id),
      cleared: () => this.statements.clear.run(REMOVED, nextSeq(), collection),
    };
  }
}
