import { find } from 'mingo';
import { Filter, FindQuery, IndexDefinition, ReadModelCollection, ReadModelDocument, ReadModelStore } from '../port';
import {
  InvalidReadModelInputError,
  validateDocuments,
  validateFilter,
  validateFindQuery,
  validateId,
  withIdTieBreak,
} from '../validation';

/** Read models in this process's memory, queried by mingo with MongoDB's semantics. */
export class InMemoryReadModelStore implements ReadModelStore {
  private readonly collections = new Map<string, InMemoryCollection<ReadModelDocument>>();
  private readonly checkpoints = new Map<string, number>();

  collection<T extends ReadModelDocument>(
    name: string,
    indexes: readonly IndexDefinition[] = [],
  ): ReadModelCollection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryCollection(
        indexes.filter((index) => index.unique).map((index) => Object.keys(index.fields)),
      );
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

  async close(): Promise<void> {
    this.collections.clear();
  }
}

class InMemoryCollection<T extends ReadModelDocument> implements ReadModelCollection<T> {
  private readonly documents = new Map<string, T>();

  constructor(private readonly uniqueKeys: readonly string[][]) {}

  async upsert(document: T): Promise<void> {
    await this.upsertMany([document]);
  }

  async upsertMany(documents: readonly T[]): Promise<void> {
    validateDocuments(documents);
    for (const document of documents) {
      this.checkUnique(document);
      this.documents.set(document.id, structuredClone(document));
    }
  }

  async get(id: string): Promise<T | null> {
    validateId(id);
    const document = this.documents.get(id);
    return document ? structuredClone(document) : null;
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    ids.forEach(validateId);
    return ids.flatMap((id) => {
      const document = this.documents.get(id);
      return document ? [structuredClone(document)] : [];
    });
  }

  async find(query: FindQuery = {}): Promise<T[]> {
    validateFindQuery(query);
    let cursor = find<T>([...this.documents.values()], query.filter ?? {}).sort(withIdTieBreak(query.sort));
    if (query.skip !== undefined) cursor = cursor.skip(query.skip);
    if (query.limit !== undefined) cursor = cursor.limit(query.limit);
    return cursor.all().map((document) => structuredClone(document));
  }

  async count(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return find([...this.documents.values()], filter).all().length;
  }

  async delete(id: string): Promise<void> {
    validateId(id);
    this.documents.delete(id);
  }

  async clear(): Promise<void> {
    this.documents.clear();
  }

  private checkUnique(document: T): void {
    for (const fields of this.uniqueKeys) {
      const values = fields.map((field) => JSON.stringify((document as Record<string, unknown>)[field]));
      for (const other of this.documents.values()) {
        if (other.id === document.id) continue;
        if (
          fields.every((field, index) => JSON.stringify((other as Record<string, unknown>)[field]) === values[index])
        ) {
          throw new InvalidReadModelInputError(
            `another document already has ${fields.join(', ')} = ${values.join(', ')}`,
          );
        }
      }
    }
  }
}
