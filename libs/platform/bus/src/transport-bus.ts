import { validateIntegrationEvent, deadLetterTopicOf } from '@bildungsregion/contracts';
import { contextOf, inSpan } from '@bildungsregion/event-store';
import { SpanKind } from '@opentelemetry/api';
import { decodeCloudEvent, encodeCloudEvent } from './cloudevents';
import { InvalidIntegrationEventError } from './errors';
import { createLogger, Logger } from './logger';
import {
  Bus,
  BusSubscription,
  DeadLetterSubscribeRequest,
  DEFAULT_RETRY_POLICY,
  DeliveryHandler,
  PublishRequest,
  RetryPolicy,
  SubscribeRequest,
} from './port';
import { BusTransport, ConsumedRecord, RawRecord, RecordContext, TransportConsumer } from './transport';

/** Headers a dead letter carries besides the original ones. */
export const DeadLetterHeaders = {
  error: 'dlq_error',
  attempts: 'dlq_attempts',
  topic: 'dlq_original_topic',
  partition: 'dlq_original_partition',
  offset: 'dlq_original_offset',
  group: 'dlq_consumer_group',
  failedAt: 'dlq_failed_at',
} as const;

export interface TransportBusOptions {
  /** Partitions of topics this bus creates. */
  readonly partitions?: number;
  readonly retry?: Partial<RetryPolicy>;
  readonly logger?: Logger;
  /**
   * Prefix of the physical topic and consumer group names, so several environments (or test runs)
   * can share one cluster: `demo` turns bildung.goals.v1 into demo.bildung.goals.v1 and the group
   * goals into demo.goals. Handlers see logical names.
   */
  readonly topicNamespace?: string;
  /** Told about every message this bus moves to a dead-letter topic, e.g. to count them in metrics. */
  readonly onDeadLetter?: (deadLetter: {
    readonly topic: string;
    readonly groupId: string;
    readonly attempts: number;
    readonly error: string;
  }) => void;
}

/** The bus semantics (contracts, retries, dead letters) over any transport. */
export class TransportBus implements Bus {
  private readonly partitions: number;
  private readonly retry: RetryPolicy;
  private readonly logger: Logger;
  private readonly namespace: string;
  private readonly onDeadLetter: NonNullable<TransportBusOptions['onDeadLetter']>;

  constructor(
    private readonly transport: BusTransport,
    options: TransportBusOptions = {},
  ) {
    this.partitions = options.partitions ?? 3;
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.logger = options.logger ?? createLogger('bus');
    this.namespace = options.topicNamespace ? `${options.topicNamespace}.` : '';
    this.onDeadLetter = options.onDeadLetter ?? (() => undefined);
  }

  /** The name of a logical topic on the transport. */
  physicalTopic(topic: string): string {
    return `${this.namespace}${topic}`;
  }

  /** Groups are named per namespace too: a group shared by two environments would split their partitions. */
  private physicalGroup(groupId: string): string {
    return `${this.namespace}${groupId}`;
  }

  private logicalTopic(physical: string): string {
    return physical.slice(this.namespace.length);
  }

  async ensureTopics(topics: readonly string[]): Promise<void> {
    const names = [...topics, ...topics.map(deadLetterTopicOf)].map((topic) => this.physicalTopic(topic));
    await this.transport.ensureTopics(names, this.partitions);
  }

  async publish(requests: readonly PublishRequest[]): Promise<void> {
    const problems: string[] = [];
    const byTopic = new Map<string, RawRecord[]>();
    requests.forEach((request, index) => {
      const result = validateIntegrationEvent(request.event, request.topic);
      if (!result.ok) {
        problems.push(`event ${index}: ${result.error}`);
        return;
      }
      const records = byTopic.get(request.topic) ?? [];
      records.push(encodeCloudEvent(result.event, request.key ?? result.event.subject, request.headers));
      byTopic.set(request.topic, records);
    });
    if (problems.length > 0) throw new InvalidIntegrationEventError(problems);
    for (const [topic, records] of byTopic) await this.transport.produce(this.physicalTopic(topic), records);
  }

  async subscribe(request: SubscribeRequest): Promise<BusSubscription> {
    const policy = { ...this.retry, ...request.retry };
    const consumer = await this.transport.consume({
      groupId: this.physicalGroup(request.groupId),
      topics: request.topics.map((topic) => this.physicalTopic(topic)),
      onRecord: (record, context) =>
        this.deliver(
          { ...record, topic: this.logicalTopic(record.topic) },
          context,
          request.groupId,
          request.handler,
          policy,
        ),
    });
    return this.subscriptionOf(consumer);
  }

  async subscribeDeadLetters(request: DeadLetterSubscribeRequest): Promise<BusSubscription> {
    const consumer = await this.transport.consume({
      groupId: this.physicalGroup(request.groupId),
      topics: request.topics.map((topic) => this.physicalTopic(deadLetterTopicOf(topic))),
      onRecord: (record) =>
        request.handler({
          topic: record.headers[DeadLetterHeaders.topic] ?? '',
          key: record.key,
          value: record.value,
          headers: record.headers,
          error: record.headers[DeadLetterHeaders.error] ?? '',
          attempts: Number(record.headers[DeadLetterHeaders.attempts] ?? 0),
          consumerGroup: record.headers[DeadLetterHeaders.group] ?? '',
          originalPartition: Number(record.headers[DeadLetterHeaders.partition] ?? -1),
          originalOffset: record.headers[DeadLetterHeaders.offset] ?? '',
        }),
    });
    return this.subscriptionOf(consumer);
  }

  private subscriptionOf(consumer: TransportConsumer): BusSubscription {
    return {
      done: consumer.done,
      stop: () => consumer.stop(),
      assignment: () => {
        const byTopic: Record<string, number[]> = {};
        for (const { topic, partition } of consumer.assignment())
          (byTopic[this.logicalTopic(topic)] ??= []).push(partition);
        for (const partitions of Object.values(byTopic)) partitions.sort((a, b) => a - b);
        return byTopic;
      },
    };
  }

  async consumerLag(groupId: string, topics: readonly string[]): Promise<Record<string, number>> {
    const lags = await this.transport.consumerLag(
      this.physicalGroup(groupId),
      topics.map((topic) => this.physicalTopic(topic)),
    );
    const byTopic: Record<string, number> = Object.fromEntries(topics.map((topic) => [topic, 0]));
    for (const { topic, lag } of lags)
      byTopic[this.logicalTopic(topic)] = (byTopic[this.logicalTopic(topic)] ?? 0) + lag;
    return byTopic;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async deliver(
    record: ConsumedRecord,
    context: RecordContext,
    groupId: string,
    handler: DeliveryHandler,
    policy: RetryPolicy,
  ): Promise<void> {
    const decoded = decodeCloudEvent(record);
    const validated = decoded.ok ? validateIntegrationEvent(decoded.candidate, record.topic) : decoded;
    if (!validated.ok) {
      await this.deadLetter(record, groupId, `rejected before handling: ${validated.error}`, 0);
      return;
    }
    let lastError: unknown;
    for (let attempt = 1; attempt <= policy.maxAttempts; attempt++) {
      try {
        // Each attempt is a span in the trace the publisher sent along (ce_traceparent), if any.
        await inSpan(
          `consume ${record.topic}`,
          {
            kind: SpanKind.CONSUMER,
            parent: contextOf(validated.event.traceparent),
            attributes: { 'messaging.destination.name': record.topic, 'messaging.consumer.group.name': groupId },
          },
          () =>
            handler({
              event: validated.event,
              topic: record.topic,
              partition: record.partition,
              offset: record.offset,
              key: record.key,
              headers: record.headers,
              attempt,
            }),
        );
        return;
      } catch (error) {
        lastError = error;
        this.logger.warn(
          {
            err: error,
            topic: record.topic,
            partition: record.partition,
            offset: record.offset,
            eventId: validated.event.id,
            attempt,
            groupId,
          },
          'handler failed',
        );
        if (attempt < policy.maxAttempts) await this.backoff(attempt, policy, context);
      }
    }
    await this.deadLetter(record, groupId, errorText(lastError), policy.maxAttempts);
  }

  private async backoff(attempt: number, policy: RetryPolicy, context: RecordContext): Promise<void> {
    const delay = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
    await context.heartbeat();
    await abortableSleep(delay, context.signal);
  }

  private async deadLetter(record: ConsumedRecord, groupId: string, error: string, attempts: number): Promise<void> {
    const headers = {
      ...record.headers,
      [DeadLetterHeaders.error]: error,
      [DeadLetterHeaders.attempts]: String(attempts),
      [DeadLetterHeaders.topic]: record.topic,
      [DeadLetterHeaders.partition]: String(record.partition),
      [DeadLetterHeaders.offset]: record.offset,
      [DeadLetterHeaders.group]: groupId,
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
    };
    await this.transport.produce(this.physicalTopic(deadLetterTopicOf(record.topic)), [
      { key: record.key, value: record.value, headers },
    ]);
    this.logger.error(
      { topic: record.topic, partition: record.partition, offset: record.offset, groupId, attempts, error },
      'message moved to the dead-letter topic',
    );
    this.onDeadLetter({ topic: record.topic, groupId, attempts, error });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
