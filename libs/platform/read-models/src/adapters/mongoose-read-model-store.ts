import mongoose, { Connection, Model, Schema } from 'mongoose';
import {
  Filter,
  FindQuery,
  IndexDefinition,
  Lease,
  ReadModelCollection,
  ReadModelDocument,
  ReadModelsUnavailableError,
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

const CHECKPOINTS = 'projection_checkpoints';
const LEASES = 'leases';
const DUPLICATE_KEY = 11000;
/**
 * FerretDB 1.24 (SQLite backend) never answers a bulk write of 100 or more replacements of existing
 * documents; 99 works. Chunks of 50 stay well below that.
 */
const BULK_WRITE_CHUNK = 50;

/** Driver errors that mean the server cannot be reached now, not that the request was wrong. */
const UNREACHABLE = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

async function whileReachable<R>(operation: () => Promise<R>): Promise<R> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof Error && (UNREACHABLE.has(error.name) || /buffering timed out/.test(error.message)))
      throw new ReadModelsUnavailableError(error);
    throw error;
  }
}

interface StoredDocument {
  _id: string;
  [field: string]: unknown;
}

/** A document as MongoDB stores it: whole, under `_id = id`. */
function storedOf(document: ReadModelDocument): StoredDocument {
  return { ...(document as unknown as StoredDocument), _id: document.id };
}

function chunksOf<D>(documents: readonly D[]): D[][] {
  const chunks: D[][] = [];
  for (let start = 0; start < documents.length; start += BULK_WRITE_CHUNK)
    chunks.push(documents.slice(start, start + BULK_WRITE_CHUNK));
  return chunks;
}

/**
 * A replacement that finds the stored document at the same or a later position tries to insert it
 * instead and fails on `_id`: such a failure is a document left as it is. FerretDB stops an
 * unordered bulk write at its first failure, so a chunk with one is written again one by one
 * (writing by position is idempotent).
 */
async function replaceNewer<D extends ReadModelDocument>(
  collection: mongoose.mongo.Collection<StoredDocument>,
  chunk: readonly D[],
): Promise<void> {
  const replacementOf = (document: D) => ({
    filter: { _id: document.id, projectedPosition: { $lt: positionOf(document) as number } },
    replacement: storedOf(document),
    upsert: true,
  });
  try {
    await collection.bulkWrite(chunk.map((document) => ({ replaceOne: replacementOf(document) })));
  } catch (error) {
    if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
    for (const document of chunk) {
      const { filter, replacement, upsert } = replacementOf(document);
      try {
        await collection.replaceOne(filter, replacement, { upsert });
      } catch (single) {
        if ((single as { code?: number }).code !== DUPLICATE_KEY) throw single;
        const stored = await collection.findOne({ _id: document.id });
        if (!stored || !((positionOf(stored) as number) >= (positionOf(document) as number)))
          throw new InvalidReadModelInputError(
            `another document already has the same unique values as ${document.id}: ${(single as Error).message}`,
          );
      }
    }
  }
}

/**
 * Read models in MongoDB (or FerretDB) through mongoose. Every document is stored whole under
 * `_id = id`; queries stay within what FerretDB 1.24 supports (no transactions, no change streams).
 */
export class MongooseReadModelStore implements ReadModelStore {
  private readonly models = new Map<string, Promise<Model<StoredDocument>>>();

  private constructor(private readonly connection: Connection) {}

  /** Connects and fails fast when the server cannot be reached. */
  static async connect(
    url: string,
    options: { dbName?: string; serverSelectionTimeoutMS?: number } = {},
  ): Promise<MongooseReadModelStore> {
    const connection = await mongoose
      .createConnection(url, {
        dbName: options.dbName,
        serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
        autoIndex: false,
        // Without a server, an operation fails after the server selection timeout instead of waiting in a buffer.
        bufferCommands: false,
      })
      .asPromise();
    return new MongooseReadModelStore(connection);
  }

  collection<T extends ReadModelDocument>(
    name: string,
    indexes: readonly IndexDefinition[] = [],
  ): ReadModelCollection<T> {
    let model = this.models.get(name);
    if (!model) {
      model = this.createModel(name, indexes);
      this.models.set(name, model);
    }
    return new MongooseCollection<T>(model);
  }

  async loadCheckpoint(name: string): Promise<number> {
    return whileReachable(async () => {
      const model = await this.plainModel(CHECKPOINTS);
      const stored = await model.findById(name).lean();
      return typeof stored?.['position'] === 'number' ? stored['position'] : 0;
    });
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    return whileReachable(async () => {
      const model = await this.plainModel(CHECKPOINTS);
      await model.replaceOne(
        { _id: name },
        { _id: name, position, savedAt: new Date().toISOString() },
        { upsert: true },
      );
    });
  }

  /** An upsert that matches a lease held by another fails on `_id` instead of inserting a second one. */
  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    return whileReachable(async () => {
      const leases = (await this.plainModel(LEASES)).collection as unknown as mongoose.mongo.Collection<StoredDocument>;
      const now = Date.now();
      try {
        await leases.updateOne(
          { _id: name, $or: [{ holder }, { expiresAtMs: { $lte: now } }] },
          { $set: { holder, expiresAtMs: now + ttlMs } },
          { upsert: true },
        );
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
        throw error;
      }
    });
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    return whileReachable(async () => {
      const leases = (await this.plainModel(LEASES)).collection as unknown as mongoose.mongo.Collection<StoredDocument>;
      await leases.deleteOne({ _id: name, holder });
    });
  }

  async leaseOf(name: string): Promise<Lease | null> {
    return whileReachable(async () => {
      const model = await this.plainModel(LEASES);
      const stored = await model.findById(name).lean();
      if (typeof stored?.['holder'] !== 'string' || typeof stored['expiresAtMs'] !== 'number') return null;
      return { name, holder: stored['holder'], expiresAt: new Date(stored['expiresAtMs']).toISOString() };
    });
  }

  async close(): Promise<void> {
    await this.connection.close();
  }

  /** A collection of the store's own, without indexes of its own. */
  private plainModel(name: string): Promise<Model<StoredDocument>> {
    let model = this.models.get(name);
    if (!model) {
      model = this.createModel(name, []);
      this.models.set(name, model);
    }
    return model;
  }

  private async createModel(name: string, indexes: readonly IndexDefinition[]): Promise<Model<StoredDocument>> {
    const schema = new Schema<StoredDocument>(
      { _id: { type: String, required: true } },
      { strict: false, versionKey: false, collection: name, _id: false, id: false },
    );
    const model = this.connection.model<StoredDocument>(name, schema);
    for (const index of indexes)
      await model.collection.createIndex({ ...index.fields }, { unique: index.unique ?? false });
    return model;
  }
}

class MongooseCollection<T extends ReadModelDocument> implements ReadModelCollection<T> {
  constructor(private readonly model: Promise<Model<StoredDocument>>) {}

  async upsert(document: T): Promise<void> {
    await this.upsertMany([document]);
  }

  async upsertMany(documents: readonly T[]): Promise<void> {
    validateDocuments(documents);
    if (documents.length === 0) return;
    return whileReachable(async () => {
      const model = await this.model;
      try {
        const collection = model.collection as unknown as mongoose.mongo.Collection<StoredDocument>;
        for (const chunk of chunksOf(documents))
          await collection.bulkWrite(
            chunk.map((document) => ({
              replaceOne: { filter: { _id: document.id }, replacement: storedOf(document), upsert: true },
            })),
            { ordered: true },
          );
      } catch (error) {
        if ((error as { code?: number }).code === DUPLICATE_KEY) {
          throw new InvalidReadModelInputError(
            `another document already has the same unique values: ${(error as Error).message}`,
          );
        }
        throw error;
      }
    });
  }

  /**
   * Documents not stored yet are inserted, the others replaced unless stored at the same or a later
   * position: FerretDB 1.24 inserts a thousand documents in the time it replaces ten. An insert that
   * meets a document stored meanwhile (another instance) goes the way of a replacement. Which are
   * stored is asked unless the caller has just read them (`known`), one `find` less per batch.
   */
  async upsertNewer(documents: readonly T[], known?: ReadonlySet<string>): Promise<void> {
    validateProjectedDocuments(documents);
    if (documents.length === 0) return;
    return whileReachable(async () => {
      const collection = (await this.model).collection as unknown as mongoose.mongo.Collection<StoredDocument>;
      const stored =
        known ??
        new Set(
          (
            await collection
              .find({ _id: { $in: documents.map((document) => document.id) } }, { projection: { _id: 1 } })
              .toArray()
          ).map((document) => document._id),
        );
      for (const chunk of chunksOf(documents.filter((document) => !stored.has(document.id)))) {
        try {
          await collection.insertMany(chunk.map(storedOf), { ordered: false });
        } catch (error) {
          if ((error as { code?: number }).code !== DUPLICATE_KEY) throw error;
          await replaceNewer(collection, chunk);
        }
      }
      for (const chunk of chunksOf(documents.filter((document) => stored.has(document.id))))
        await replaceNewer(collection, chunk);
    });
  }

  async get(id: string): Promise<T | null> {
    validateId(id);
    return whileReachable(async () => {
      const model = await this.model;
      const stored = await model.findById(id).lean();
      return stored ? withoutId<T>(stored) : null;
    });
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    ids.forEach(validateId);
    if (ids.length === 0) return [];
    return whileReachable(async () => {
      const model = await this.model;
      return (await model.find({ _id: { $in: [...ids] } }).lean()).map((stored) => withoutId<T>(stored));
    });
  }

  async find(query: FindQuery = {}): Promise<T[]> {
    validateFindQuery(query);
    return whileReachable(async () => {
      const model = await this.model;
      let cursor = model.find({ ...query.filter }).sort(withIdTieBreak(query.sort));
      if (query.skip !== undefined) cursor = cursor.skip(query.skip);
      if (query.limit !== undefined) cursor = cursor.limit(query.limit);
      return (await cursor.lean()).map((stored) => withoutId<T>(stored));
    });
  }

  async count(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return whileReachable(async () => {
      const model = await this.model;
      return model.countDocuments({ ...filter });
    });
  }

  async delete(id: string): Promise<void> {
    validateId(id);
    return whileReachable(async () => {
      const model = await this.model;
      await model.deleteOne({ _id: id });
    });
  }

  async deleteUnlessNewer(id: string, projectedPosition: number): Promise<void> {
    validateId(id);
    validateProjectedPosition(projectedPosition);
    return whileReachable(async () => {
      const model = await this.model;
      await model.deleteOne({ _id: id, projectedPosition: { $lte: projectedPosition } });
    });
  }

  async clear(): Promise<void> {
    return whileReachable(async () => {
      const model = await this.model;
      await model.deleteMany({});
    });
  }
}

function withoutId<T>(stored: StoredDocument): T {
  const { _id, ...document } = stored;
  return document as T;
}
