import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { planAppend, StreamHead } from '../append-plan';
import { inActiveTrace } from '../trace-context';
import { LiveSubscriptions } from '../catch-up-subscription';
import { categoryOf, NewEvent, RecordedEvent } from '../envelope';
import { CorruptEventError } from '../errors';
import { assertReadStreamOptions } from '../read-stream-slice';
import { commitsByOthers, SqliteWriteWatch, watchSqliteWrites } from '../sqlite-file-watch';
import {
  AppendResult,
  EventFilter,
  EventHandler,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../port';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its folder if missing. */
  readonly file: string;
  readonly clock?: () => Date;
  /**
   * How often subscriptions look for events appended by other processes. Default 1 s where the file
   * system reports writes to the database (they wake subscriptions at once), else 50 ms.
   */
  readonly pollIntervalMs?: number;
  /**
   * How long an append waits for another process's write lock. Default 10 s. It waits without
   * blocking: requests, reads and the bus carry on meanwhile, and appends that arrive join its group.
   */
  readonly busyTimeoutMs?: number;
  /** FULL (default) syncs every commit to disk; NORMAL survives process crashes but not power loss. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

interface QueuedAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** Most appends committed together; bounds how long one commit holds the write lock. */
const MAX_GROUP = 256;
/** How long a group waits before it asks again for the write lock another process holds. */
const LOCK_RETRY_MS = 2;

/** By its code, not its class: the driver keeps the error class it was first loaded with. */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

interface EventRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  data: string;
  metadata: string;
}

/** The file format of the embedded store; `position` is the global order. */
export const SQLITE_EVENT_STORE_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position    INTEGER PRIMARY KEY,
    id          TEXT    NOT NULL UNIQUE,
    stream_id   TEXT    NOT NULL,
    category    TEXT    NOT NULL,
    revision    INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_category ON events (category, position);
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
  CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'events are immutable: record a correction instead'); END;
  CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
`;

/**
 * The embedded event store: one SQLite file in WAL mode. Appends run in IMMEDIATE transactions, so
 * several processes can share the file; SQLite serialises writers, which makes global positions
 * (the rowid) gap-free and in commit order.
 */
export class SqliteEventStore implements EventStore {
  readonly gapFreePositions = true;
  private readonly db: Database.Database;
  private readonly live: LiveSubscriptions;
  private readonly clock: () => Date;
  private readonly statements;
  private readonly readAllStatements = new Map<string, Database.Statement>();
  private readonly queued: QueuedAppend[] = [];
  private readonly writes: SqliteWriteWatch;
  private readonly busyTimeoutMs: number;
  /** Since when the queued group has found the write lock held by another process. */
  private lockedOutSince: number | undefined;

  constructor(options: SqliteEventStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    this.db = new Database(options.file, { timeout: this.busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.exec(SQLITE_EVENT_STORE_SCHEMA);
    this.clock = options.clock ?? (() => new Date());
    this.writes = watchSqliteWrites(options.file, () => this.live.notifyAppended(), commitsByOthers(this.db));
    this.live = new LiveSubscriptions(
      (readOptions) => this.readAll(readOptions),
      options.pollIntervalMs ?? this.writes.pollIntervalMs,
    );
    this.statements = {
      insert: this.db.prepare(
        `INSERT INTO events (id, stream_id, category, revision, type, recorded_at, data, metadata)
         VALUES (@id, @streamId, @category, @revision, @type, @recordedAt, @data, @metadata)`,
      ),
      findById: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?'),
      head: this.db.prepare<[string], Pick<EventRow, 'position' | 'revision' | 'metadata'>>(
        'SELECT position, revision, metadata FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      ),
      forwards: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      headPosition: this.db.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
      // Prepared once: `pragma()` parses its statement anew on each of the two calls per commit.
      failWhenBusy: this.db.prepare('PRAGMA busy_timeout = 0'),
      waitWhenBusy: this.db.prepare(`PRAGMA busy_timeout = ${this.busyTimeoutMs}`),
      backwards: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
      ),
    };
  }

  /**
   * Appends that arrive in the same turn of the event loop share one transaction and one fsync (group
   * commit). Each runs in its own savepoint, so one refused append changes nothing for the others, and
   * none is answered before the shared commit is on disk.
   */
  append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queued.push({ streamId, events: inActiveTrace(events), expectedRevision, resolve, reject });
      if (this.queued.length === 1) setImmediate(() => this.commitQueued());
    });
  }

  /**
   * Commits the next group. While another process holds the write lock, the group goes back to the
   * front of the queue and asks again a moment later, rather than SQLite's busy handler sleeping on
   * this process's only thread; `waitForLock` (when closing) lets that handler wait instead.
   */
  private commitQueued(waitForLock = false): void {
    const group = this.queued.splice(0, MAX_GROUP);
    if (group.length === 0) return;
    let outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[];
    try {
      outcomes = this.withoutBusyWait(!waitForLock, () =>
        this.db
          .transaction(() =>
            group.map((request) => {
              try {
                return { ok: true as const, result: this.appendOne(request) };
              } catch (error) {
                // SQLite rolls the whole transaction back on some errors (disk full, I/O): fail the group.
                if (!this.db.inTransaction) throw error;
                return { ok: false as const, error };
              }
            }),
          )
          .immediate(),
      );
    } catch (error) {
      const now = Date.now();
      if (isBusy(error) && !waitForLock && now - (this.lockedOutSince ??= now) < this.busyTimeoutMs) {
        this.queued.unshift(...group);
        setTimeout(() => this.commitQueued(), LOCK_RETRY_MS);
        return;
      }
      this.lockedOutSince = undefined;
      for (const request of group) request.reject(error);
      if (this.queued.length > 0) setImmediate(() => this.commitQueued());
      return;
    }
    this.lockedOutSince = undefined;
    if (this.queued.length > 0) setImmediate(() => this.commitQueued());
    group.forEach((request, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) request.resolve(outcome.result);
      else request.reject(outcome?.error);
    });
    this.live.notifyAppended();
  }

  private withoutBusyWait<T>(enabled: boolean, write: () => T): T {
    if (!enabled) return write();
    this.statements.failWhenBusy.get();
    try {
      return write();
    } finally {
      this.statements.waitWhenBusy.get();
    }
  }

  /** One append inside the group's transaction; a nested transaction is a savepoint in better-sqlite3. */
  private appendOne({ streamId, events, expectedRevision }: QueuedAppend): AppendResult {
    return this.db.transaction((): AppendResult => {
      const plan = planAppend(
        streamId,
        events,
        expectedRevision,
        {
          findById: (id) => this.decodeOptional(this.statements.findById.get(id)),
          lastEvent: (id) => this.decodeHead(this.statements.head.get(id)),
        },
        this.clock().toISOString(),
      );
      if (plan.kind === 'already-appended') return plan.result;
      const recorded = plan.events.map((event) => {
        const { lastInsertRowid } = this.statements.insert.run({
          id: event.id,
          streamId,
          category: categoryOf(streamId),
          revision: event.revision,
          type: event.type,
          recordedAt: event.recordedAt,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
        });
        return { ...event, position: Number(lastInsertRowid) } as RecordedEvent;
      });
      const last = recorded[recorded.length - 1] as RecordedEvent;
      return { streamId, revision: last.revision, position: last.position, events: recorded };
    })();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadStreamOptions(options);
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backwards'
        ? this.statements.backwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : this.statements.forwards.all(streamId, options.fromRevision ?? 0, limit);
    return rows.map((row) => this.decode(row));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { categories = [], types = [] } = options.filter ?? {};
    const rows = this.readAllStatement(options.filter).all(
      options.after ?? 0,
      ...categories,
      ...types,
      options.maxCount ?? -1,
    ) as EventRow[];
    return rows.map((row) => this.decode(row));
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.live.subscribe(options, handler);
  }

  async lastRevision(streamId: string): Promise<number | null> {
    return this.statements.head.get(streamId)?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.position ?? 0;
  }

  async close(): Promise<void> {
    while (this.queued.length > 0 && this.db.open) this.commitQueued(true);
    this.writes.stop();
    await this.live.closeAll();
    if (this.db.open) this.db.close();
  }

  private readAllStatement(filter: EventFilter | undefined): Database.Statement {
    const categories = filter?.categories?.length ?? 0;
    const types = filter?.types?.length ?? 0;
    const key = `${categories}:${types}`;
    let statement = this.readAllStatements.get(key);
    if (!statement) {
      const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');
      const conditions = ['position > ?'];
      if (filter?.categories) conditions.push(`category IN (${placeholders(categories)})`);
      if (filter?.types) conditions.push(`type IN (${placeholders(types)})`);
      statement = this.db.prepare(`SELECT * FROM events WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT ?`);
      this.readAllStatements.set(key, statement);
    }
    return statement;
  }

  private decodeOptional(row: EventRow | undefined): RecordedEvent | undefined {
    return row && this.decode(row);
  }

  private decodeHead(row: Pick<EventRow, 'position' | 'revision' | 'metadata'> | undefined): StreamHead | undefined {
    if (!row) return undefined;
    try {
      return { revision: row.revision, metadata: JSON.parse(row.metadata) };
    } catch (error) {
      throw new CorruptEventError(row.position, error);
    }
  }

  private decode(row: EventRow): RecordedEvent {
    try {
      return {
        id: row.id,
        type: row.type,
        streamId: row.stream_id,
        revision: row.revision,
        position: row.position,
        recordedAt: row.recorded_at,
        data: JSON.parse(row.data),
        metadata: JSON.parse(row.metadata),
      };
    } catch (error) {
      throw new CorruptEventError(row.position, error);
    }
  }
}
