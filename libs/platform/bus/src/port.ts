import { IntegrationEvent } from '@bildungsregion/contracts';

export interface PublishRequest {
  readonly topic: string;
  readonly event: IntegrationEvent;
  /** Defaults to the event's subject, which keeps one aggregate's events in order. */
  readonly key?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A validated integration event as a handler receives it, with where it came from. */
export interface Delivery {
  readonly event: IntegrationEvent;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly headers: Readonly<Record<string, string>>;
  /** 1 on the first attempt, higher on retries. */
  readonly attempt: number;
}

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

export interface RetryPolicy {
  /** Attempts before the message goes to the dead-letter topic. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200, maxBackoffMs: 10_000 };

export interface SubscribeRequest {
  /** Members of one group share the work; each group sees every message. */
  readonly groupId: string;
  readonly topics: readonly string[];
  readonly handler: DeliveryHandler;
  readonly retry?: Partial<RetryPolicy>;
}

/** A message that was moved to a dead-letter topic, as an operator inspects it. */
export interface DeadLetter {
  /** The topic the message failed on. */
  readonly topic: string;
  readonly key: string;
  /** The original value, byte for byte as it was published. */
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly error: string;
  /** 0 when it was rejected before any handler ran (it did not match its contract). */
  readonly attempts: number;
  readonly consumerGroup: string;
  readonly originalPartition: number;
  readonly originalOffset: string;
}

export interface DeadLetterSubscribeRequest {
  readonly groupId: string;
  /** The topics whose dead letters to read (not the `.dlq` names). */
  readonly topics: readonly string[];
  readonly handler: (deadLetter: DeadLetter) => Promise<void>;
}

export interface BusSubscription {
  /** The partitions, per topic, that this member of the group handles now; the group's other members handle the rest. */
  assignment(): Readonly<Record<string, readonly number[]>>;
  /** Finishes the message in hand, commits it and leaves the group. */
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

/**
 * The bus port. Every adapter keeps the order per key, delivers at least once, commits only after
 * the handler succeeded, retries with backoff and then dead-letters to `<topic>.dlq`.
 */
export interface Bus {
  /** Creates the topics and their dead-letter topics. */
  ensureTopics(topics: readonly string[]): Promise<void>;
  /** Validates every event first; if one is invalid nothing is published. */
  publish(requests: readonly PublishRequest[]): Promise<void>;
  subscribe(request: SubscribeRequest): Promise<BusSubscription>;
  subscribeDeadLetters(request: DeadLetterSubscribeRequest): Promise<BusSubscription>;
  /** Per topic, how many messages the group has not handled yet (summed over partitions). */
  consumerLag(groupId: string, topics: readonly string[]): Promise<Record<string, number>>;
  close(): Promise<void>;
}
