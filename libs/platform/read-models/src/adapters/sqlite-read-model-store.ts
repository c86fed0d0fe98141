import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { IndexDefinition, ReadModelCollection, ReadModelDocument, ReadModelStore } from '../port';
import { CollectionPersistence, InMemoryCollection, uniqueKeysOf } from './in-memory-read-model-store';

/**
 * Read models kept in a SQLite file and queried in memory, for the embedded defaults: a restart
 * loads the documents and the projections' checkpoints from the file, so projections resume where
 * they stopped instead of replaying the store from its first event. Every write reaches the file
 * before memory. One process owns a file; read models are rebuilt from events, so the file is
 * written without waiting for the disk on every commit.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: Database.Database;
  private readonly collections = new Map<string, InMemoryCollection<ReadModelDocument>>();
  private readonly statements;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
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
    `);
    this.statements = {
      load: this.db.prepare<[string], { body: string }>('SELECT body FROM documents WHERE collection = ?'),
      save: this.db.prepare<[string, string, string]>(
        'INSERT INTO documents (collection, id, body) VALUES (?, ?, ?) ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body',
      ),
      delete: this.db.prepare<[string, string]>('DELETE FROM documents WHERE collection = ? AND id = ?'),
      clear: this.db.prepare<[string]>('DELETE FROM documents WHERE collection = ?'),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?'),
      saveCheckpoint: this.db.prepare<[string, number]>(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      ),
    };
  }

  collection<T extends ReadModelDocument>(
    name: string,
    indexes: readonly IndexDefinition[] = [],
  ): ReadModelCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryCollection(
        uniqueKeysOf(indexes),
        this.persistenceOf(name),
        this.statements.load.all(name).map((row) => JSON.parse(row.body) as ReadModelDocument),
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

  async close(): Promise<void> {
    this.collections.clear();
    if (this.db.open) this.db.close();
  }

  private persistenceOf(collection: string): CollectionPersistence<ReadModelDocument> {
    const saveAll = this.db.transaction((documents: readonly ReadModelDocument[]) => {
      for (const document of documents) this.statements.save.run(collection, document.id, JSON.stringify(document));
    });
    return {
      saved: (documents) => saveAll(documents),
      deleted: (id) => this.statements.delete.run(collection, id),
      cleared: () => this.statements.clear.run(collection),
    };
  }
}
