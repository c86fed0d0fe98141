import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  assertExpectedRevision,
  checkExpectedRevision,
  findEarlierAppend,
  prepareEvents,
  sealEvents,
} from '../../append-plan';
import { LiveSubscriptions } from '../../catch-up-subscription';
import { NewEvent, RecordedEvent } from '../../envelope';
import { WrongExpectedRevisionError } from '../../errors';
import { inActiveTrace } from '../../trace-context';
import { assertReadStreamOptions } from '../../read-stream-slice';
import {
  AppendResult,
  EventHandler,
  EventStore,
  ExpectedRevision,
  matchesFilter,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../../port';
import {
  EsdbRecordedEvent,
  fromEsdbCurrentRevision,
  fromEsdbEvent,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbReadPosition,
} from './mapping';

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly connectionString: string;
  readonly clock?: () => Date;
  /** How many recent events of a stream are searched for the ids of a retried append. Default 1,000. */
  readonly idempotencyWindow?: number;
  /** How often subscriptions poll `$all` for new events. Default 100 ms. */
  readonly pollIntervalMs?: number;
  /** How often an append with `any` re-reads the stream head when another writer got in between. Default 5. */
  readonly maxHeadRetries?: number;
}

/**
 * The production event store. The hash chain needs the previous event's hash, so every append reads
 * the stream head and appends at exactly that revision; the client is used nowhere else in the code.
 */
export class EventStoreDbEventStore implements EventStore {
  /** Positions are the log's byte offsets. */
  readonly gapFreePositions = false;
  private readonly client: EventStoreDBClient;
  private readonly live: LiveSubscriptions;
  private readonly clock: () => Date;

  constructor(private readonly options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.clock = options.clock ?? (() => new Date());
    this.live = new LiveSubscriptions((readOptions) => this.readAll(readOptions), options.pollIntervalMs ?? 100);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertExpectedRevision(expectedRevision);
    const recordedAt = this.clock().toISOString();
    const prepared = prepareEvents(streamId, inActiveTrace(events), recordedAt);
    // Ids the store generated cannot have been appended before, so only caller-named ids need the search.
    const retryable = events.some((event) => event.id !== undefined);
    const window = retryable ? (this.options.idempotencyWindow ?? 1_000) : 1;
    for (let attempt = 1; ; attempt++) {
      const recent = await this.readStream(streamId, { direction: 'backwards', maxCount: window });
      const byId = new Map(recent.map((event) => [event.id, event]));
      const earlier = findEarlierAppend(streamId, prepared, { findById: (id) => byId.get(id) });
      if (earlier) return earlier;
      const last = recent[0];
      checkExpectedRevision(streamId, expectedRevision, last ? last.revision : null);
      const sealed = sealEvents(streamId, prepared, last, recordedAt);
      try {
        await this.client.appendToStream(streamId, sealed.map(toEsdbEvent), {
          expectedRevision: toEsdbExpectedRevision(last ? last.revision : 'no-stream'),
        });
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (expectedRevision !== 'any' || attempt >= (this.options.maxHeadRetries ?? 5)) {
          throw new WrongExpectedRevisionError(
            streamId,
            expectedRevision,
            fromEsdbCurrentRevision(error.actualVersion),
          );
        }
        continue;
      }
      this.live.notifyAppended();
      const stored = await this.readStream(streamId, {
        fromRevision: (sealed[0] as RecordedEvent).revision,
        maxCount: sealed.length,
      });
      const lastStored = stored[stored.length - 1] as RecordedEvent;
      return { streamId, revision: lastStored.revision, position: lastStored.position, events: stored };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertReadStreamOptions(options);
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(streamId, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision === undefined ? (backwards ? END : BigInt(0)) : BigInt(options.fromRevision),
      ...(options.maxCount === undefined ? {} : { maxCount: options.maxCount }),
    });
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = resolved.event && fromEsdbEvent(resolved.event as EsdbRecordedEvent);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const maxCount = options.maxCount ?? Infinity;
    const events: RecordedEvent[] = [];
    if (maxCount <= 0) return events;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: toEsdbReadPosition(after) });
    for await (const resolved of read) {
      const event = resolved.event && fromEsdbEvent(resolved.event as EsdbRecordedEvent);
      if (!event || event.position <= after || !matchesFilter(event, options.filter)) continue;
      events.push(event);
      if (events.length >= maxCount) {
        await read.cancel();
        break;
      }
    }
    return events;
  }

  subscribe(options: SubscribeOptions, handler: EventHandler): Subscription {
    return this.live.subscribe(options, handler);
  }

  async lastRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : null;
  }

  async headPosition(): Promise<number> {
    const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END });
    for await (const resolved of read) {
      const event = resolved.event && fromEsdbEvent(resolved.event as EsdbRecordedEvent);
      if (event) {
        await read.cancel();
        return event.position;
      }
    }
    return 0;
  }

  async close(): Promise<void> {
    await this.live.closeAll();
    await this.client.dispose();
  }
}
