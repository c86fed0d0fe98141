import { CheckpointStore } from '@bildungsregion/event-store';

/** A Mongo-style filter limited to the operators every adapter (and FerretDB 1.24) supports; see `validateFilter`. */
export type Filter = Readonly<Record<string, unknown>>;

export type SortOrder = Readonly<Record<string, 1 | -1>>;

export interface FindQuery {
  readonly filter?: Filter;
  /** Ties are broken by `id`, so paging is stable. */
  readonly sort?: SortOrder;
  readonly skip?: number;
  readonly limit?: number;
}

export interface ReadModelDocument {
  readonly id: string;
}

export interface IndexDefinition {
  readonly fields: SortOrder;
  readonly unique?: boolean;
}

export interface ReadModelCollection<T extends ReadModelDocument> {
  /** Replaces the document with the same id, or inserts it. */
  upsert(document: T): Promise<void>;
  /**
   * Upserts several documents in one round trip. All are validated before any is written; the
   * writes themselves are not atomic (FerretDB has no transactions), so callers must be idempotent.
   */
  upsertMany(documents: readonly T[]): Promise<void>;
  /**
   * Upserts the documents that are newer than what is stored: a document whose stored version has the
   * same or a higher `projectedPosition` is left as it is, so a late writer never takes a document
   * back in time. Every document must carry a numeric `projectedPosition`. `stored` names the ones the
   * caller has just read as stored (with `getMany`), so an adapter need not ask again; it is a hint
   * only: a document stored or removed by another writer since is still written by position.
   */
  upsertNewer(documents: readonly T[], stored?: ReadonlySet<string>): Promise<void>;
  get(id: string): Promise<T | null>;
  /** The documents with these ids that exist, in no particular order. */
  getMany(ids: readonly string[]): Promise<T[]>;
  find(query?: FindQuery): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  delete(id: string): Promise<void>;
  /** Deletes the document unless the stored version is newer than `projectedPosition`. */
  deleteUnlessNewer(id: string, projectedPosition: number): Promise<void>;
  /** Removes every document, for a rebuild. */
  clear(): Promise<void>;
}

/**
 * The read-model port: documents per collection, queried with a Mongo filter subset, plus the
 * checkpoints of the projections that write them. Every adapter passes the same contract suite.
 */
export interface ReadModelStore extends CheckpointStore, LeaseStore {
  collection<T extends ReadModelDocument>(name: string, indexes?: readonly IndexDefinition[]): ReadModelCollection<T>;
  close(): Promise<void>;
}

/** Who may do a piece of work that only one instance of a service may do at a time. */
export interface Lease {
  readonly name: string;
  readonly holder: string;
  readonly expiresAt: string;
}

/**
 * Leases shared by the instances of a service: a holder renews its lease before it expires, and
 * another takes it over once it has expired, e.g. because its holder died. Expiry is judged by the
 * clock of whoever asks, so the instances' clocks must agree to well within a lease's length.
 */
export interface LeaseStore {
  /** Takes the lease for `holder` until `ttlMs` from now when it is free, expired or already `holder`'s; answers whether it did. */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` has it, so another can take it at once. */
  releaseLease(name: string, holder: string): Promise<void>;
  /** The lease as stored, expired or not, or null when it was never taken or was released. */
  leaseOf(name: string): Promise<Lease | null>;
}

/** The read-model server cannot be reached; the request was fine and may be retried later. */
export class ReadModelsUnavailableError extends Error {
  constructor(cause: Error) {
    super(`The read models cannot be reached: ${cause.message}`, { cause });
    this.name = 'ReadModelsUnavailableError';
  }
}

/** A text as a pattern that matches it literally. */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each word of `search` must occur in `field`, ignoring case; the words match literally, never as patterns. */
export function containsAllWords(field: string, search: string): Record<string, unknown>[] {
  return search
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => ({ [field]: { $regex: literalPattern(word), $options: 'i' } }));
}

/** Every document matching the filter, read page by page (a find answers at most one page). */
export async function findEvery<T extends ReadModelDocument>(
  collection: ReadModelCollection<T>,
  query: Omit<FindQuery, 'skip' | 'limit'> = {},
): Promise<T[]> {
  const found: T[] = [];
  for (;;) {
    const page = await collection.find({ ...query, skip: found.length, limit: FIND_PAGE });
    found.push(...page);
    if (page.length < FIND_PAGE) return found;
  }
}

const FIND_PAGE = 1_000;
