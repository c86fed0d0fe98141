import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/** How often to look for other processes' writes anyway, in case a file change goes unreported. */
export const WATCHED_POLL_INTERVAL_MS = 1_000;

/**
 * A write to the log is reported before the writer marks the commit visible in the shared index,
 * which no file event reports: readers woken too early look again after these delays from the last write.
 */
const LOOK_AGAIN_AFTER_MS = [5, 50];

/**
 * Calls `onWrite` when any process commits to the SQLite database in `file`: a commit in WAL mode
 * writes the `-wal` file, and the file system reports it at once. The folder is watched, not the
 * file, because SQLite deletes and recreates the log. Returns a function that stops watching, or
 * undefined where the file system cannot report changes; then only polling notices other writers.
 */
export function watchSqliteWrites(file: string, onWrite: () => void): (() => void) | undefined {
  const log = `${basename(file)}-wal`;
  const later = new Map<number, NodeJS.Timeout>();
  const written = () => {
    onWrite();
    for (const delay of LOOK_AGAIN_AFTER_MS) {
      clearTimeout(later.get(delay));
      const timer = setTimeout(() => {
        later.delete(delay);
        onWrite();
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
    return () => {
      watcher.close();
      for (const timer of later.values()) clearTimeout(timer);
    };
  } catch {
    return undefined;
  }
}
