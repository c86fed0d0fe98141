import Database from 'better-sqlite3';
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Overwrites the bytes of `marker` in a file with `replacement` (same length), as someone editing
 * the file on disk would. The marker must occur exactly once, so the test knows what it changed.
 */
export function changeBytesInFile(file: string, marker: string, replacement: string): void {
  if (Buffer.byteLength(marker) !== Buffer.byteLength(replacement))
    throw new Error('The replacement must have as many bytes as the marker.');
  const bytes = readFileSync(file);
  const at = bytes.indexOf(Buffer.from(marker, 'utf8'));
  if (at < 0) throw new Error(`${JSON.stringify(marker)} does not occur in ${file}.`);
  if (bytes.indexOf(Buffer.from(marker, 'utf8'), at + 1) >= 0)
    throw new Error(`${JSON.stringify(marker)} occurs more than once in ${file}.`);
  bytes.write(replacement, at, 'utf8');
  writeFileSync(file, bytes);
}

interface StoredRow {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  recorded_at: string;
  data: string;
  metadata: string;
}

/**
 * Someone with write access to an embedded event store file, as the seal must catch them: drops the
 * triggers that keep events immutable, then deletes or rewrites rows. `rewrite` recomputes the hash
 * of the changed event and of every later event of its stream, as the hashing rule is public
 * (SHA-256 over the RFC 8785 form of the event without position and hash), so the chain itself
 * stays valid.
 */
export class EventStoreFileAttacker {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_never_deleted;');
  }

  /** Deletes the last `count` events of a stream. */
  truncate(streamId: string, count: number): void {
    this.db
      .prepare(
        'DELETE FROM events WHERE stream_id = ? AND revision > (SELECT max(revision) FROM events WHERE stream_id = ?) - ?',
      )
      .run(streamId, streamId, count);
  }

  deleteStream(streamId: string): void {
    this.db.prepare('DELETE FROM events WHERE stream_id = ?').run(streamId);
  }

  /** Replaces the data of one event and re-hashes it and the rest of its stream. */
  rewrite(
    streamId: string,
    revision: number,
    change: (data: Record<string, unknown>) => Record<string, unknown>,
  ): void {
    const rows = this.db
      .prepare('SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision')
      .all(streamId, revision) as StoredRow[];
    let prevHash: string | undefined;
    const update = this.db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
    for (const row of rows) {
      const data = row.revision === revision ? change(JSON.parse(row.data)) : JSON.parse(row.data);
      const { hash: _old, ...metadata } = JSON.parse(row.metadata) as Record<string, unknown>;
      if (prevHash !== undefined) metadata['prevHash'] = prevHash;
      const event = {
        id: row.id,
        type: row.type,
        streamId: row.stream_id,
        revision: row.revision,
        recordedAt: row.recorded_at,
        data,
        metadata,
      };
      const hash = createHash('sha256')
        .update(canonicalize(event) as string, 'utf8')
        .digest('hex');
      update.run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), row.position);
      prevHash = hash;
    }
  }

  close(): void {
    this.db.close();
  }
}
