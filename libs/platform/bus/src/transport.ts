/**
 * The part of the bus that differs per adapter: storing records in partitioned topics and handing
 * them to a consumer group. Validation, retries and dead letters sit above it in TransportBus, so
 * every adapter behaves the same.
 */
export interface RawRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface ConsumedRecord extends RawRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface RecordContext {
  /** Aborted when the consumer is asked to stop; long waits give up, the record stays uncommitted. */
  readonly signal: AbortSignal;
  /** Tells the group this member is alive during a long retry. */
  heartbeat(): Promise<void>;
}

export interface ConsumeRequest {
  readonly groupId: string;
  readonly topics: readonly string[];
  /**
   * Called for each record, one at a time per partition, in offset order. When it resolves the
   * record counts as handled and its offset is committed; when it rejects nothing is committed and
   * the consumer stops.
   */
  onRecord(record: ConsumedRecord, context: RecordContext): Promise<void>;
}

export interface TransportConsumer {
  /** The partitions this member of the group handles now. */
  assignment(): readonly { readonly topic: string; readonly partition: number }[];
  /** Finishes the record in hand, commits, and leaves the group. */
  stop(): Promise<void>;
  /** Settles when the consumer ends: resolves after stop(), rejects when it failed on its own. */
  readonly done: Promise<void>;
}

/** How far a consumer group is behind on one partition. */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** Records stored but not yet handled (committed) by the group. */
  readonly lag: number;
}

export interface BusTransport {
  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  ensureTopics(topics: readonly string[], partitions: number): Promise<void>;
  /** Resolves once the records are durably stored; records of one key stay in order. */
  produce(topic: string, records: readonly RawRecord[]): Promise<void>;
  consume(request: ConsumeRequest): Promise<TransportConsumer>;
  /** Per partition of the topics, how many records the group has not handled yet. */
  consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]>;
  close(): Promise<void>;
}
