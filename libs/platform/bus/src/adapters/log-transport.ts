import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { partitionFor } from '../partitioner';
import { BusTransport, ConsumeRequest, PartitionLag, RawRecord, TransportConsumer } from '../transport';
import { GroupView, TopicLog, TopicPartition } from './topic-log';

const FETCH_SIZE = 100;
const COMMIT_INTERVAL_MS = 200;

export interface LogTransportOptions {
  /** How long a member keeps its partitions without renewing; a crashed member's partitions move after this. */
  readonly leaseMs?: number;
}

/** A transport over an embedded topic log; consumers poll their partitions and commit after each record. */
export class LogTransport implements BusTransport {
  private readonly consumers = new Set<LogConsumer>();
  private readonly leaseMs: number;

  constructor(
    private readonly log: TopicLog,
    options: LogTransportOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 10_000;
  }

  async ensureTopics(topics: readonly string[], partitions: number): Promise<void> {
    this.log.createTopics(topics, partitions);
  }

  async produce(topic: string, records: readonly RawRecord[]): Promise<void> {
    const partitions = this.log.partitionsOf(topic);
    this.log.append(
      topic,
      records.map((record) => ({ ...record, partition: partitionFor(record.key, partitions) })),
    );
  }

  async consume(request: ConsumeRequest): Promise<TransportConsumer> {
    for (const topic of request.topics) this.log.partitionsOf(topic);
    const consumer = new LogConsumer(this.log, request, this.leaseMs, () => this.consumers.delete(consumer));
    this.consumers.add(consumer);
    return consumer;
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
    return topics.flatMap((topic) =>
      Array.from({ length: this.log.partitionsOf(topic) }, (_, partition) => ({
        topic,
        partition,
        lag: this.log.endOffset({ topic, partition }) - this.log.committedOffset(groupId, { topic, partition }),
      })),
    );
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    this.log.close();
  }
}

class LogConsumer implements TransportConsumer {
  readonly done: Promise<void>;
  private readonly memberId = `${hostname()}/${process.pid}/${randomUUID()}`;
  private readonly abort = new AbortController();
  private owned: TopicPartition[] = [];
  private claimedAt = 0;
  private seenAtClaim: GroupView | undefined;
  private wake: (() => void) | undefined;
  /** Set by every append in this process, so one that lands while a fetch is under way is not slept through. */
  private appendedSinceFetch = true;
  private readonly noteAppend = () => {
    this.appendedSinceFetch = true;
    this.wake?.();
  };

  constructor(
    private readonly log: TopicLog,
    private readonly request: ConsumeRequest,
    private readonly leaseMs: number,
    onEnd: () => void,
  ) {
    this.log.appends.on('appended', this.noteAppend);
    this.done = this.run().finally(() => {
      this.log.appends.off('appended', this.noteAppend);
      this.log.release(request.groupId, this.memberId);
      onEnd();
    });
    this.done.catch(() => undefined);
  }

  assignment(): readonly TopicPartition[] {
    return this.stopping ? [] : [...this.owned];
  }

  async stop(): Promise<void> {
    this.abort.abort(new Error('consumer stopping'));
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /**
   * Renews the member's leases every third of a lease, and at once when the group moved: a member
   * joined or left (a member above its new share gives partitions up) or a partition is free (one
   * was given up or released, so a member below its share takes it).
   */
  private renewLeases(): void {
    const due = Date.now() - this.claimedAt > this.leaseMs / 3;
    if (!due && !this.groupMoved(this.log.groupView(this.request.groupId, this.request.topics))) return;
    const { owned, view } = this.log.claim(this.request.groupId, this.request.topics, this.memberId, this.leaseMs);
    this.owned = owned;
    this.claimedAt = Date.now();
    this.seenAtClaim = view;
  }

  private groupMoved(view: GroupView): boolean {
    return view.members !== this.seenAtClaim?.members || view.unheld > 0;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      this.renewLeases();
      this.appendedSinceFetch = false;
      let handled = 0;
      // Partitions are independent, so their records are handled side by side; within one, in order.
      // Every drain ends before a failure ends the consumer, so none commits after it stopped.
      for (const outcome of await Promise.allSettled(this.owned.map((partition) => this.drain(partition)))) {
        if (outcome.status === 'rejected') throw outcome.reason;
        if (outcome.value === 'lost-lease') this.claimedAt = 0;
        else handled += outcome.value;
      }
      if (this.stopping) return;
      if (handled === 0) await this.nextAppend();
    }
  }

  /**
   * Handles up to one fetch of a partition and returns how many records it handled. Offsets are
   * committed after the fetch, every COMMIT_INTERVAL_MS during a slow one, and before stopping:
   * always only for records whose handler succeeded.
   */
  private async drain(partition: TopicPartition): Promise<number | 'lost-lease'> {
    const next = this.log.committedOffset(this.request.groupId, partition);
    const records = this.log.read(partition, next, FETCH_SIZE);
    let handled = 0;
    let uncommitted: number | undefined;
    let committedAt = Date.now();
    for (const record of records) {
      if (this.stopping) break;
      try {
        await this.request.onRecord(
          { ...record, topic: partition.topic, partition: partition.partition, offset: String(record.offset) },
          // A handler that retries for long keeps its partitions by renewing the leases.
          { signal: this.abort.signal, heartbeat: async () => this.renewLeases() },
        );
      } catch (error) {
        if (this.stopping) break;
        throw error;
      }
      handled++;
      uncommitted = record.offset + 1;
      if (Date.now() - committedAt >= COMMIT_INTERVAL_MS) {
        if (!this.log.commit(this.request.groupId, partition, uncommitted, this.memberId)) return 'lost-lease';
        uncommitted = undefined;
        committedAt = Date.now();
      }
    }
    if (uncommitted !== undefined && !this.log.commit(this.request.groupId, partition, uncommitted, this.memberId))
      return 'lost-lease';
    return handled;
  }

  private nextAppend(): Promise<void> {
    if (this.appendedSinceFetch || this.stopping) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), this.log.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
