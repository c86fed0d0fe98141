import { find } from 'mingo';
import {
  Filter,
  FindQuery,
  IndexDefinition,
  Lease,
  ReadModelCollection,
  ReadModelDocument,
  ReadModelStore,
} from '../port';
import {
  InvalidReadModelInputError,
  validateDocuments,
  validateFilter,
  validateFindQuery,
  positionOf,
  validateId,
  validateProjectedDocuments,
  validateProjectedPosition,
  withIdTieBreak,
} from '../validation';

/** Read models in this process's memory, queried by mingo with MongoDB's semantics. */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, InMemoryCollection<ReadModelDocument>>();
  private readonly checkpoints = new Map<string, number>();
  private readonly leases = new Map<string, Lease>();

  collection<T extends ReadModelDocument>(
    name: string,
    indexes: readonly IndexDefinition[] = [],
  ): ReadModelCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryCollection(uniqueKeysOf(indexes));
      this.collections.set(name, collection);
    }
    return collection as unknown as ReadModelCollection<T>;
  }

  async loadCheckpoint(name: string): Promise<number> {
    return this.checkpoints.get(name) ?? 0;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const lease = this.leases.get(name);
    if (lease && lease.holder !== holder && Date.parse(lease.expiresAt) > Date.now()) return false;
    this.leases.set(name, { name, holder, expiresAt: new Date(Date.now() + ttlMs).toISOString() });
    return true;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    if (this.leases.get(name)?.holder === holder) this.leases.delete(name);
  }

  async leaseOf(name: string): Promise<Lease | null> {
    return this.leases.get(name) ?? null;
  }

  async close(): Promise<void> {
    this.collections.clear();
  }
}

/** The fields of each unique index, which a collection held in memory checks itself. */
export function uniqueKeysOf(indexes: readonly IndexDefinition[]): string[][] {
  return indexes.filter((index) => index.unique).map((index) => Object.keys(index.fields));
}

/** Where a collection's writes go besides memory; called before memory changes, so a failed write changes nothing. */
export interface CollectionPersistence<T extends ReadModelDocument> {
  /**
   * Runs a write: memory is brought up to date with what other processes wrote and no other process
   * writes until `write` returns, so a decision taken on memory holds for the store.
   */
  exclusively<R>(write: () => R): R;
  saved(documents: readonly T[]): void;
  deleted(id: string): void;
  cleared(): void;
}

/** A collection held in memory and queried by mingo; writes go to `persistence` first, if given. */
export class InMemoryCollection<T extends ReadModelDocument> implements ReadModelCollection<T> {
  private readonly documents = new Map<string, T>();

  constructor(
    private readonly uniqueKeys: readonly string[][],
    private readonly persistence?: CollectionPersistence<T>,
    stored: readonly T[] = [],
    /** Brings memory up to date with the store before a read. */
    private readonly beforeRead: () => void = () => undefined,
  ) {
    for (const document of stored) this.documents.set(document.id, document);
  }

  async upsert(document: T): Promise<void> {
    await this.upsertMany([document]);
  }

  async upsertMany(documents: readonly T[]): Promise<void> {
    validateDocuments(documents);
    this.exclusively(() => this.write(documents));
  }

  async upsertNewer(documents: readonly T[]): Promise<void> {
    validateProjectedDocuments(documents);
    this.exclusively(() =>
      this.write(documents.filter((document) => !this.storedAtOrAfter(document.id, positionOf(document) as number))),
    );
  }

  /** Takes a write of another process into memory. */
  took(id: string, document: T | null): void {
    if (document === null) this.documents.delete(id);
    else this.documents.set(id, document);
  }

  private write(documents: readonly T[]): void {
    this.checkUnique(documents);
    this.persistence?.saved(documents);
    for (const document of documents) this.documents.set(document.id, structuredClone(document));
  }

  private storedAtOrAfter(id: string, position: number): boolean {
    const stored = this.documents.get(id);
    return stored !== undefined && (positionOf(stored) as number) >= position;
  }

  private exclusively(write: () => void): void {
    if (this.persistence) this.persistence.exclusively(write);
    else write();
  }

  async get(id: string): Promise<T | null> {
    validateId(id);
    this.beforeRead();
    const document = this.documents.get(id);
    return document ? structuredClone(document) : null;
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    ids.forEach(validateId);
    this.beforeRead();
    return ids.flatMap((id) => {
      const document = this.documents.get(id);
      return document ? [structuredClone(document)] : [];
    });
  }

  async find(query: FindQuery = {}): Promise<T[]> {
    validateFindQuery(query);
    this.beforeRead();
    let cursor = find<T>([...this.documents.values()], query.filter ?? {}).sort(withIdTieBreak(query.sort));
    if (query.skip !== undefined) cursor = cursor.skip(query.skip);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return cursor.all().map((document) => structuredClone(document));
  }

  async count(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    this.beforeRead();
    return find([...this.documents.values()], filter).all().length;
  }

  async delete(id: string): Promise<void> {
    validateId(id);
    this.exclusively(() => this.remove(id));
  }

  async deleteUnlessNewer(id: string, projectedPosition: number): Promise<void> {
    validateId(id);
    validateProjectedPosition(projectedPosition);
    this.exclusively(() => {
      if (!this.storedAtOrAfter(id, projectedPosition + 1)) this.remove(id);
    });
  }

  async clear(): Promise<void> {
    this.exclusively(() => {
      this.persistence?.cleared();
      this.documents.clear();
    });
  }

  private remove(id: string): void {
    this.persistence?.deleted(id);
    this.documents.delete(id);
  }

  /** Refuses the whole batch if any document would share a unique key with another, stored or in the batch. */
  private checkUnique(documents: readonly T[]): void {
    if (this.uniqueKeys.length === 0) return;
    const batchIds = new Set(documents.map((document) => document.id));
    const others = [...this.documents.values()].filter((other) => !batchIds.has(other.id));
    for (const fields of this.uniqueKeys) {
      const keyOf = (document: T) =>
        JSON.stringify(fields.map((field) => (document as Record<string, unknown>)[field]));
      const taken = new Map(others.map((other) => [keyOf(other), other.id]));
      for (const document of documents) {
        const key = keyOf(document);
        const holder = taken.get(key);
        if (holder !== undefined && holder !== document.id)
          throw new InvalidReadModelInputError(
            `another document already has ${fields.join(', ')} = ${fields
              .map((field) => JSON.stringify((document as Record<string, unknown>)[field]))
              .join(', ')}`,
          );
        taken.set(key, document.id);
      }
    }
  }
}
