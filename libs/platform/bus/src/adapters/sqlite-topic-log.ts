import Database from 'better-sqlite3';
import { commitsByOthers, SqliteWriteWatch, watchSqliteWrites } from '@bildungsregion/event-store';
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { RawRecord } from '../transport';
import { GroupView, StoredRecord, TopicLog, TopicPartition, UnknownTopicError } from './topic-log';

export interface SqliteTopicLogOptions {
  readonly file: string;
  /** Default 1 s where the file system reports writes to the database (they wake consumers at once), else 50 ms. */
  readonly pollIntervalMs?: number;
  readonly busyTimeoutMs?: number;
  /** FULL (default) survives power loss; NORMAL survives process crashes only. */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

export const SQLITE_TOPIC_LOG_SCHEMA = `
CREATE TABLE IF NOT EXISTS bus_topics (
  name TEXT PRIMARY KEY,
  partitions INTEGER NOT NULL CHECK (partitions > 0)
);
CREATE TABLE IF NOT EXISTS bus_records (
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  offset INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  headers TEXT NOT NULL,
  appended_at TEXT NOT NULL,
  PRIMARY KEY (topic, partition, offset)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bus_offsets (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  next_offset INTEGER NOT NULL,
  PRIMARY KEY (group_id, topic, partition)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bus_leases (
  group_id TEXT NOT NULL,
  topic TEXT NOT NULL,
  partition INTEGER NOT NULL,
  member_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, topic, partition)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS bus_members (
  group_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  PRIMARY KEY (group_id, member_id)
) WITHOUT ROWID;
`;

/**
 * The topic log in a SQLite file, shared safely by several processes on one machine: appends take
 * the write lock (BEGIN IMMEDIATE), and a member owns a partition through a lease, so one group
 * never handles a partition in two places at once.
 */
export class SqliteTopicLog implements TopicLog {
  readonly appends = new EventEmitter().setMaxListeners(0);
  readonly pollIntervalMs: number;
  private readonly db: Database.Database;
  private readonly partitionCounts = new Map<string, number>();
  private readonly statements;
  private readonly writes: SqliteWriteWatch;

  constructor(options: SqliteTopicLogOptions) {
    this.db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.exec(SQLITE_TOPIC_LOG_SCHEMA);
    this.writes = watchSqliteWrites(options.file, () => this.appends.emit('appended'), commitsByOthers(this.db));
    this.pollIntervalMs = options.pollIntervalMs ?? this.writes.pollIntervalMs;
    this.statements = {
      createTopic: this.db.prepare(
        'INSERT INTO bus_topics (name, partitions) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      ),
      partitions: this.db.prepare<[string], { partitions: number }>('SELECT partitions FROM bus_topics WHERE name = ?'),
      nextOffset: this.db.prepare<[string, number], { next: number }>(
        'SELECT COALESCE(MAX(offset) + 1, 0) AS next FROM bus_records WHERE topic = ? AND partition = ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO bus_records (topic, partition, offset, key, value, headers, appended_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      read: this.db.prepare<
        [string, number, number, number],
        { offset: number; key: string; value: string; headers: string }
      >(
        'SELECT offset, key, value, headers FROM bus_records WHERE topic = ? AND partition = ? AND offset >= ? ORDER BY offset LIMIT ?',
      ),
      committed: this.db.prepare<[string, string, number], { next_offset: number }>(
        'SELECT next_offset FROM bus_offsets WHERE group_id = ? AND topic = ? AND partition = ?',
      ),
      commit: this.db.prepare(
        `INSERT INTO bus_offsets (group_id, topic, partition, next_offset)
         SELECT @groupId, @topic, @partition, @nextOffset
         WHERE EXISTS (SELECT 1 FROM bus_leases WHERE group_id = @groupId AND topic = @topic AND partition = @partition AND member_id = @memberId)
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET next_offset = excluded.next_offset`,
      ),
      lease: this.db.prepare<[string, string, number], { member_id: string; expires_at: number }>(
        'SELECT member_id, expires_at FROM bus_leases WHERE group_id = ? AND topic = ? AND partition = ?',
      ),
      takeLease: this.db.prepare(
        `INSERT INTO bus_leases (group_id, topic, partition, member_id, expires_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (group_id, topic, partition) DO UPDATE SET member_id = excluded.member_id, expires_at = excluded.expires_at`,
      ),
      release: this.db.prepare('DELETE FROM bus_leases WHERE group_id = ? AND member_id = ?'),
      giveUp: this.db.prepare(
        'DELETE FROM bus_leases WHERE group_id = ? AND topic = ? AND partition = ? AND member_id = ?',
      ),
      join: this.db.prepare(
        `INSERT INTO bus_members (group_id, member_id, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (group_id, member_id) DO UPDATE SET expires_at = excluded.expires_at`,
      ),
      members: this.db.prepare<[string, number], { member_id: string }>(
        'SELECT member_id FROM bus_members WHERE group_id = ? AND expires_at > ?',
      ),
      leave: this.db.prepare('DELETE FROM bus_members WHERE group_id = ? AND (member_id = ? OR expires_at <= ?)'),
      held: this.db.prepare<[string, string, number], { held: number }>(
        'SELECT count(*) AS held FROM bus_leases WHERE group_id = ? AND topic = ? AND expires_at > ?',
      ),
    };
  }

  createTopics(topics: readonly string[], partitions: number): void {
    this.db
      .transaction(() => topics.forEach((topic) => this.statements.createTopic.run(topic, partitions)))
      .immediate();
  }

  partitionsOf(topic: string): number {
    const known = this.partitionCounts.get(topic);
    if (known !== undefined) return known;
    const row = this.statements.partitions.get(topic);
    if (!row) throw new UnknownTopicError(topic);
    this.partitionCounts.set(topic, row.partitions);
    return row.partitions;
  }

  append(topic: string, records: readonly (RawRecord & { partition: number })[]): void {
    const appendedAt = new Date().toISOString();
    this.db
      .transaction(() => {
        const next = new Map<number, number>();
        for (const record of records) {
          const offset =
            next.get(record.partition) ?? this.statements.nextOffset.get(topic, record.partition)?.next ?? 0;
          this.statements.insert.run(
            topic,
            record.partition,
            offset,
            record.key,
            record.value,
            JSON.stringify(record.headers),
            appendedAt,
          );
          next.set(record.partition, offset + 1);
        }
      })
      .immediate();
    this.appends.emit('appended');
  }

  read({ topic, partition }: TopicPartition, fromOffset: number, maxCount: number): StoredRecord[] {
    return this.statements.read.all(topic, partition, fromOffset, maxCount).map((row) => ({
      offset: row.offset,
      key: row.key,
      value: row.value,
      headers: JSON.parse(row.headers) as Record<string, string>,
    }));
  }

  endOffset({ topic, partition }: TopicPartition): number {
    return this.statements.nextOffset.get(topic, partition)?.next ?? 0;
  }

  committedOffset(groupId: string, { topic, partition }: TopicPartition): number {
    return this.statements.committed.get(groupId, topic, partition)?.next_offset ?? 0;
  }

  commit(groupId: string, { topic, partition }: TopicPartition, nextOffset: number, memberId: string): boolean {
    return this.statements.commit.run({ groupId, topic, partition, nextOffset, memberId }).changes > 0;
  }

  /**
   * Renews the member in its group and gives it its share of the partitions: what it owns up to the
   * share, then free or expired ones. A member above its share (another joined) gives the rest up,
   * and the newcomer takes them at its next claim.
   */
  claim(
    groupId: string,
    topics: readonly string[],
    memberId: string,
    leaseMs: number,
  ): { owned: TopicPartition[]; view: GroupView } {
    return this.db
      .transaction(() => {
        const now = Date.now();
        this.statements.join.run(groupId, memberId, now + leaseMs);
        const members = this.liveMembers(groupId, now, memberId);
        const owned: TopicPartition[] = [];
        const free: TopicPartition[] = [];
        let partitions = 0;
        for (const topic of topics) {
          for (let partition = 0; partition < this.partitionsOf(topic); partition++) {
            partitions++;
            const lease = this.statements.lease.get(groupId, topic, partition);
            if (lease?.member_id === memberId) owned.push({ topic, partition });
            else if (!lease || lease.expires_at <= now || !isAlive(lease.member_id)) free.push({ topic, partition });
          }
        }
        const share = Math.ceil(partitions / Math.max(1, members));
        for (const { topic, partition } of owned.slice(share))
          this.statements.giveUp.run(groupId, topic, partition, memberId);
        const mine = [...owned.slice(0, share), ...free.slice(0, Math.max(0, share - owned.length))];
        for (const { topic, partition } of mine)
          this.statements.takeLease.run(groupId, topic, partition, memberId, now + leaseMs);
        return { owned: mine, view: this.groupView(groupId, topics) };
      })
      .immediate();
  }

  groupView(groupId: string, topics: readonly string[]): GroupView {
    const now = Date.now();
    let unheld = 0;
    for (const topic of topics)
      unheld += this.partitionsOf(topic) - (this.statements.held.get(groupId, topic, now)?.held ?? 0);
    return { members: this.liveMembers(groupId, now), unheld };
  }

  private liveMembers(groupId: string, now: number, memberId?: string): number {
    return this.statements.members
      .all(groupId, now)
      .filter((member) => member.member_id === memberId || isAlive(member.member_id)).length;
  }

  release(groupId: string, memberId: string): void {
    this.db
      .transaction(() => {
        this.statements.release.run(groupId, memberId);
        this.statements.leave.run(groupId, memberId, Date.now());
      })
      .immediate();
  }

  close(): void {
    this.writes.stop();
    this.appends.removeAllListeners();
    if (this.db.open) this.db.close();
  }
}

/** A lease of a process on this machine that no longer exists is free at once; others wait for expiry. */
function isAlive(memberId: string): boolean {
  const [host, pid] = memberId.split('/');
  if (host !== hostname() || pid === undefined) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}
