import { EventEmitter } from 'node:events';
import { RawRecord } from '../transport';
import { GroupView, StoredRecord, TopicLog, TopicPartition, UnknownTopicError } from './topic-log';

interface Lease {
  memberId: string;
  expiresAt: number;
}

/** The topic log in this process's memory, for unit tests. */
export class InMemoryTopicLog implements TopicLog {
  readonly appends = new EventEmitter().setMaxListeners(0);
  readonly pollIntervalMs = 1_000;
  private readonly topics = new Map<string, StoredRecord[][]>();
  private readonly offsets = new Map<string, number>();
  private readonly leases = new Map<string, Lease>();

  createTopics(topics: readonly string[], partitions: number): void {
    for (const topic of topics) {
      if (!this.topics.has(topic))
        this.topics.set(
          topic,
          Array.from({ length: partitions }, () => []),
        );
    }
  }

  partitionsOf(topic: string): number {
    return this.partitions(topic).length;
  }

  append(topic: string, records: readonly (RawRecord & { partition: number })[]): void {
    for (const { partition, ...record } of records) {
      const log = this.partition(topic, partition);
      log.push({ ...record, headers: { ...record.headers }, offset: log.length });
    }
    this.appends.emit('appended');
  }

  read({ topic, partition }: TopicPartition, fromOffset: number, maxCount: number): StoredRecord[] {
    return this.partition(topic, partition).slice(fromOffset, fromOffset + maxCount);
  }

  endOffset({ topic, partition }: TopicPartition): number {
    return this.partition(topic, partition).length;
  }

  committedOffset(groupId: string, partition: TopicPartition): number {
    return this.offsets.get(keyOf(groupId, partition)) ?? 0;
  }

  commit(groupId: string, partition: TopicPartition, nextOffset: number, memberId: string): boolean {
    const key = keyOf(groupId, partition);
    if (this.leases.get(key)?.memberId !== memberId) return false;
    this.offsets.set(key, nextOffset);
    return true;
  }

  claim(
    groupId: string,
    topics: readonly string[],
    memberId: string,
    leaseMs: number,
  ): { owned: TopicPartition[]; view: GroupView } {
    const now = Date.now();
    const owned: TopicPartition[] = [];
    for (const topic of topics) {
      for (let partition = 0; partition < this.partitionsOf(topic); partition++) {
        const key = keyOf(groupId, { topic, partition });
        const lease = this.leases.get(key);
        if (lease && lease.memberId !== memberId && lease.expiresAt > now) continue;
        this.leases.set(key, { memberId, expiresAt: now + leaseMs });
        owned.push({ topic, partition });
      }
    }
    return { owned, view: this.groupView(groupId, topics) };
  }

  groupView(groupId: string, topics: readonly string[]): GroupView {
    const now = Date.now();
    const holders = new Set<string>();
    let unheld = 0;
    for (const topic of topics) {
      for (let partition = 0; partition < this.partitionsOf(topic); partition++) {
        const lease = this.leases.get(keyOf(groupId, { topic, partition }));
        if (lease && lease.expiresAt > now) holders.add(lease.memberId);
        else unheld++;
      }
    }
    return { members: holders.size, unheld };
  }

  release(groupId: string, memberId: string): void {
    for (const [key, lease] of this.leases) {
      if (key.startsWith(`${groupId}\u0000`) && lease.memberId === memberId) this.leases.delete(key);
    }
  }

  close(): void {
    this.appends.removeAllListeners();
  }

  private partition(topic: string, partition: number): StoredRecord[] {
    const log = this.partitions(topic)[partition];
    if (!log) throw new RangeError(`topic ${topic} has no partition ${partition}`);
    return log;
  }

  private partitions(topic: string): StoredRecord[][] {
    const partitions = this.topics.get(topic);
    if (!partitions) throw new UnknownTopicError(topic);
    return partitions;
  }
}

function keyOf(groupId: string, { topic, partition }: TopicPartition): string {
  return `${groupId}\u0000${topic}\u0000${partition}`;
}
