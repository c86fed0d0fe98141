import { Admin, Consumer, IHeaders, Kafka, KafkaConfig, logLevel, Partitioners, Producer } from 'kafkajs';
import { whileRetriable } from './kafka-retry';
import { BusTransport, ConsumeRequest, PartitionLag, RawRecord, TransportConsumer } from '../transport';

export interface KafkaTransportOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Partitions of one group handled at the same time by one member; each partition stays in order. */
  readonly partitionsConsumedConcurrently?: number;
  /** How long the group waits for a silent member before its partitions move (broker minimum 6 s). */
  readonly sessionTimeoutMs?: number;
  /**
   * Replicas of each partition of the topics this transport creates, and how many of them must have
   * a write before it is acknowledged (`min.insync.replicas`); by default the cluster's own settings.
   * Topics that exist already keep theirs.
   */
  readonly replication?: { readonly factor: number; readonly minInSync: number };
  readonly kafka?: Omit<KafkaConfig, 'brokers' | 'clientId'>;
}

/**
 * Kafka through kafkajs. Producers are idempotent and wait for all in-sync replicas. Consumers
 * commit an offset only after its record was handled (kafkajs resolves the offset when eachMessage
 * returns and commits resolved offsets after each batch and when stopping).
 */
/** How long a service waits at start for the partitions of its topics to get leaders. */
const LEADER_WAIT_MS = 30_000;

export class KafkaTransport implements BusTransport {
  private readonly kafka: Kafka;
  private readonly consumers = new Set<KafkaConsumer>();
  private producer: Promise<Producer> | undefined;
  private admin: Promise<Admin> | undefined;

  constructor(private readonly options: KafkaTransportOptions) {
    this.kafka = new Kafka({
      logLevel: logLevel.WARN,
      ...options.kafka,
      brokers: [...options.brokers],
      clientId: options.clientId ?? 'bildungsregion',
    });
  }

  async ensureTopics(topics: readonly string[], partitions: number): Promise<void> {
    const admin: Admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic));
      if (missing.length > 0) {
        // kafkajs' own wait gives up when the broker does not know the new topic yet; ours retries.
        await admin
          .createTopics({
            waitForLeaders: false,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: partitions,
              ...(this.options.replication
                ? {
                    replicationFactor: this.options.replication.factor,
                    configEntries: [{ name: 'min.insync.replicas', value: String(this.options.replication.minInSync) }],
                  }
                : {}),
            })),
          })
          .catch((error: unknown) => {
            // kafkajs says only "Topic creation errors"; the broker's reasons are in `errors`.
            const reasons = (error as { errors?: { message?: string }[] }).errors?.map((each) => each.message);
            throw new Error(
              `Kafka refused to create ${missing.join(', ')}: ${[...new Set(reasons ?? [(error as Error).message])].join('; ')}`,
              { cause: error },
            );
          });
      }
      await this.untilEveryPartitionHasALeader(admin, topics);
    } finally {
      await admin.disconnect();
    }
  }

  /**
   * A topic just created (by this or another process) is listed before the broker serves its
   * partitions, and subscribing to it then fails with "This server does not host this topic-partition".
   */
  private async untilEveryPartitionHasALeader(admin: Admin, topics: readonly string[]): Promise<void> {
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (;;) {
      let problem = 'a partition without a leader';
      try {
        const { topics: found } = await admin.fetchTopicMetadata({ topics: [...topics] });
        const ready = found.every(
          (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
        );
        if (ready) return;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      if (Date.now() > deadline)
        throw new Error(`Kafka topics ${topics.join(', ')} not ready after ${LEADER_WAIT_MS / 1000} s: ${problem}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async produce(topic: string, records: readonly RawRecord[]): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({
      topic,
      acks: -1,
      messages: records.map((record) => ({ key: record.key, value: record.value, headers: { ...record.headers } })),
    });
  }

  async consume(request: ConsumeRequest): Promise<TransportConsumer> {
    const consumer = this.kafka.consumer({
      groupId: request.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
    });
    const handle = new KafkaConsumer(consumer, () => this.consumers.delete(handle));
    this.consumers.add(handle);
    try {
      await consumer.connect();
      await subscribedOnceKnown(consumer, request.topics);
    } catch (error) {
      await handle.stop();
      throw error;
    }
    await consumer.run({
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        await request.onRecord(
          {
            topic,
            partition,
            offset: message.offset,
            key: message.key?.toString('utf8') ?? '',
            value: message.value?.toString('utf8') ?? '',
            headers: headersOf(message.headers),
          },
          { signal: handle.signal, heartbeat },
        );
      },
    });
    return handle;
  }

  /** Committed offsets of the group against the partitions' high watermarks; a group without a commit starts at the earliest record. */
  async consumerLag(groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const lags: PartitionLag[] = [];
    for (const topic of topics) {
      const [ends, [committed]] = await Promise.all([
        whileRetriable(() => admin.fetchTopicOffsets(topic)),
        whileRetriable(() => admin.fetchOffsets({ groupId, topics: [topic] })),
      ]);
      for (const end of ends) {
        const offset = Number(
          committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? -1,
        );
        lags.push({
          topic,
          partition: end.partition,
          lag: Number(end.high) - (offset >= 0 ? offset : Number(end.low)),
        });
      }
    }
    return lags;
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((consumer) => consumer.stop()));
    if (this.producer) await (await this.producer).disconnect();
    this.producer = undefined;
    if (this.admin) await (await this.admin).disconnect();
    this.admin = undefined;
  }

  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const admin = this.kafka.admin();
      this.admin = admin.connect().then(() => admin);
      this.admin.catch(() => (this.admin = undefined));
    }
    return this.admin;
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    this.producer.catch(() => (this.producer = undefined));
    return this.producer;
  }
}

class KafkaConsumer implements TransportConsumer {
  readonly done: Promise<void>;
  /** As of the latest rebalance. */
  private assigned: readonly { topic: string; partition: number }[] = [];
  private readonly abort = new AbortController();
  private finish!: () => void;
  private fail!: (error: unknown) => void;

  constructor(
    private readonly consumer: Consumer,
    private readonly onEnd: () => void,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    this.done.catch(() => undefined);
    consumer.on(consumer.events.GROUP_JOIN, (event) => {
      this.assigned = Object.entries(event.payload.memberAssignment).flatMap(([topic, partitions]) =>
        partitions.map((partition) => ({ topic, partition })),
      );
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) this.fail(event.payload.error);
    });
  }

  assignment(): readonly { topic: string; partition: number }[] {
    return this.abort.signal.aborted ? [] : this.assigned;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  async stop(): Promise<void> {
    if (this.abort.signal.aborted) return this.done;
    this.abort.abort(new Error('consumer stopping'));
    try {
      await this.consumer.disconnect();
      this.finish();
    } catch (error) {
      this.fail(error);
    } finally {
      this.onEnd();
    }
    return this.done.catch(() => undefined);
  }
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}

/**
 * Subscribes once the broker asked knows the topics: in a cluster, a broker may learn of a topic
 * just created a moment after the one that created it, and answers "does not host this
 * topic-partition" until then.
 */
async function subscribedOnceKnown(consumer: Consumer, topics: readonly string[]): Promise<void> {
  const deadline = Date.now() + LEADER_WAIT_MS;
  for (;;) {
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      return;
    } catch (error) {
      if ((error as { type?: string }).type !== 'UNKNOWN_TOPIC_OR_PARTITION' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
