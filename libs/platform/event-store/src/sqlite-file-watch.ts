import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** How often to look for other processes' writes anyway: rarely while watching, often where nothing reports. */
const POLL_WHILE_WATCHING_MS = 1_000;
const POLL_UNWATCHED_MS = 50;

export interface SqliteWriteWatch {
  /** How often a reader should still look for writes of other processes. */
  readonly pollIntervalMs: number;
  stop(): void;
}

/**
 * A write to the log is reported before the writer marks the commit visible in the shared index,
 * which no file event reports: readers woken too early look again after these delays from the last
 * write. A look costs one `data_version` query, so looking often is cheap.
 */
const LOOK_AGAIN_AFTER_MS = [1, 2, 4, 8, 15, 30, 50];

/**
 * Calls `onWrite` when another connection commits to the SQLite database in `file`: a commit in WAL
 * mode writes the `-wal` file, and the file system reports it at once. The watcher's own commits
 * are reported too; `changedByOthers` (e.g. a look at SQLite's `data_version`) tells them apart, so
 * a process is not woken by what it wrote itself. The folder is watched, not the
 * file, because SQLite deletes and recreates the log. Where the file system cannot report changes,
 * nothing is watched and only polling, at a shorter interval, notices other writers.
 */
export function watchSqliteWrites(file: string, onWrite: () => void, changedByOthers: () => boolean): SqliteWriteWatch {
  const log = `${basename(file)}-wal`;
  const later = new Map<number, NodeJS.Timeout>();
  const look = () => {
    if (changedByOthers()) onWrite();
  };
  const written = () => {
    look();
    for (const delay of LOOK_AGAIN_AFTER_MS) {
      clearTimeout(later.get(delay));
      const timer = setTimeout(() => {
        later.delete(delay);
        look();
      }, delay);
      timer.unref();
      later.set(delay, timer);
    }
  };
  try {
    const watcher = watch(dirname(file), { persistent: false }, (_change, name) => {
      if (name === null || name === log) written();
    });
    watcher.on('error', () => watcher.close());
    return {
      pollIntervalMs: POLL_WHILE_WATCHING_MS,
      stop: () => {
        watcher.close();
        for (const timer of later.values()) clearTimeout(timer);
      },
    };
  } catch {
    return { pollIntervalMs: POLL_UNWATCHED_MS, stop: () => undefined };
  }
}

/**
 * Whether another connection committed to the database since the last call: SQLite's `data_version`
 * changes with their commits, never with the connection's own.
 */
export function commitsByOthers(db: {
  readonly open: boolean;
  pragma(source: string, options: { simple: true }): unknown;
}): () => boolean {
  let seen: unknown;
  return () => {
    if (!db.open) return false;
    const now = db.pragma('data_version', { simple: true });
    const changed = now !== seen;
    seen = now;
    return changed;
  };
}
