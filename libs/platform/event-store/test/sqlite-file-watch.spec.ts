import Database from 'better-sqlite3';
import { join } from 'node:path';
import { eventually, useTempDir } from '@bildungsregion/testing';
import { commitsByOthers, watchSqliteWrites } from '../src';

describe('watching a SQLite file for commits', () => {
  const dir = useTempDir();

  it('reports the commits of another connection, not those of the watching one', async () => {
    const file = join(dir(), 'watched.sqlite');
    const own = new Database(file);
    own.pragma('journal_mode = WAL');
    own.exec('CREATE TABLE notes (text TEXT)');
    const other = new Database(file);
    let woken = 0;
    const watch = watchSqliteWrites(file, () => woken++, commitsByOthers(own));
    try {
      expect(watch.pollIntervalMs).toBe(1_000);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
      other.prepare('INSERT INTO notes VALUES (?)').run('fremde');
      await eventually(() => woken > 0, 5_000);
      await settle();
      const before = woken;

      for (const text of ['eins', 'zwei', 'drei']) own.prepare('INSERT INTO notes VALUES (?)').run(text);
      await settle();
      expect(woken).toBe(before);

      other.prepare('INSERT INTO notes VALUES (?)').run('noch eine fremde');
      await eventually(() => woken > before, 5_000);
    } finally {
      watch.stop();
      own.close();
      other.close();
    }
  });
});
