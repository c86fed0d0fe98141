import { EventEmitter } from 'node:events';
import { RawRecord } from '../transport';

export interface StoredRecord extends RawRecord {
  readonly offset: number;
}

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface GroupView {
  /** Members alive in the group; in a log kept in memory, those that hold a partition. */
  readonly members: number;
  /** Partitions of the topics that no member holds (never taken, given up, released or expired). */
  readonly unheld: number;
}

/** Storage of the embedded transports: partitioned append-only topics, committed offsets and partition leases. */
export interface TopicLog {
  createTopics(topics: readonly string[], partitions: number): void;
  /** Throws when the topic does not exist; topics are never created implicitly. */
  partitionsOf(topic: string): number;
  append(topic: string, records: readonly (RawRecord & { partition: number })[]): void;
  read(partition: TopicPartition, fromOffset: number, maxCount: number): StoredRecord[];
  /** The offset the next record of the partition will get. */
  endOffset(partition: TopicPartition): number;
  /** The next offset the group has to handle. */
  committedOffset(groupId: string, partition: TopicPartition): number;
  /** Commits unless the member lost its lease; returns whether it did. */
  commit(groupId: string, partition: TopicPartition, nextOffset: number, memberId: string): boolean;
  /**
   * Renews the member's partitions and takes free or expired ones: in a log shared by processes up to
   * its share of the group's, in memory all. Returns what it owns now, and the group as the claim left
   * it, so a member that joins just after is seen as a change at the next poll.
   */
  claim(
    groupId: string,
    topics: readonly string[],
    memberId: string,
    leaseMs: number,
  ): { readonly owned: TopicPartition[]; readonly view: GroupView };
  release(groupId: string, memberId: string): void;
  /** Read without writing, so a member can ask at every poll whether a claim would move partitions. */
  groupView(groupId: string, topics: readonly string[]): GroupView;
  /** Emits 'appended' for appends in this process, and where the file system reports it, in others. */
  readonly appends: EventEmitter;
  readonly pollIntervalMs: number;
  close(): void;
}

export class UnknownTopicError extends Error {
  constructor(topic: string) {
    super(`topic ${topic} does not exist; create it with ensureTopics first`);
    this.name = 'UnknownTopicError';
  }
}
