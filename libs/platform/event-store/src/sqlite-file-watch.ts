import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** How often to look for other processes' writes anyway, in case a file change goes unreported. */
export const WATCHED_POLL_INTERVAL_MS = 1_000;

/**
 * Calls `onWrite` when any process commits to the SQLite database in `file`: a commit in WAL mode
 * writes the `-wal` file, and the file system reports it at once. The folder is watched, not the
 * file, because SQLite deletes and recreates the log. Returns a function that stops watching, or
 * undefined where the file system cannot report changes; then only polling notices other writers.
 */
export function watchSqliteWrites(file: string, onWrite: () => void): (() => void) | undefined {
  const log = `${basename(file)}-wal`;
  try {
    const watcher = watch(dirname(file), { persistent: false }, (_change, name) => {
      if (name === null || name === log) onWrite();
    });
    watcher.on('error', () => watcher.close());
    return () => watcher.close();
  } catch {
    return undefined;
  }
}
