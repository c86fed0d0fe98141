import {
  DynamicModule,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { busFromUrl } from '../bus-from-url';
import { Bus, BusSubscription, Delivery, RetryPolicy } from '../port';
import { TransportBusOptions } from '../transport-bus';
import { INTEGRATION_EVENT_HANDLER, IntegrationEventHandlerMetadata } from './on-integration-event.decorator';

/** Injection token of the service's `Bus`. */
export const BUS = Symbol('BUS');
const BUS_MODULE_OPTIONS = Symbol('BUS_MODULE_OPTIONS');

export interface BusModuleOptions {
  /** `memory:`, `sqlite:<file>` or `kafka://host:port,…`; the service's code never sees which. */
  readonly url: string;
  /** The consumer group of the service, e.g. `goals`. */
  readonly groupId: string;
  /** Topics the service publishes to; created (with their dead-letter topics) at start. */
  readonly publishes?: readonly string[];
  readonly topicNamespace?: string;
  readonly retry?: Partial<RetryPolicy>;
  readonly onDeadLetter?: TransportBusOptions['onDeadLetter'];
}

type Handler = (delivery: Delivery) => Promise<void>;

/** Finds the `@OnIntegrationEvent` methods at start and feeds them from one subscription of the service's group. */
@Injectable()
export class IntegrationEventConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IntegrationEventConsumer.name);
  private subscription: BusSubscription | undefined;

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(BUS_MODULE_OPTIONS) private readonly options: BusModuleOptions,
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = this.discoverHandlers();
    const topics = [...new Set([...handlers.values()].map(({ topic }) => topic))];
    await this.bus.ensureTopics([...new Set([...topics, ...(this.options.publishes ?? [])])]);
    if (topics.length === 0) return;
    this.subscription = await this.bus.subscribe({
      groupId: this.options.groupId,
      topics,
      retry: this.options.retry,
      handler: async (delivery) => {
        for (const handler of handlers.get(delivery.event.type)?.handlers ?? []) await handler(delivery);
      },
    });
    this.logger.log(
      `consuming ${topics.join(', ')} as group ${this.options.groupId} (${[...handlers.keys()].join(', ')})`,
    );
  }

  /** The partitions per consumed topic that this instance handles now. */
  assignment(): Readonly<Record<string, readonly number[]>> {
    return this.subscription?.assignment() ?? {};
  }

  async onApplicationShutdown(): Promise<void> {
    this.logger.log('stopping: leaving the consumer group and closing the bus');
    await this.subscription?.stop();
    await this.bus.close();
  }

  private discoverHandlers(): Map<string, { topic: string; handlers: Handler[] }> {
    const byType = new Map<string, { topic: string; handlers: Handler[] }>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[name];
        if (typeof method !== 'function') continue;
        const metadata = this.reflector.get<IntegrationEventHandlerMetadata | undefined>(
          INTEGRATION_EVENT_HANDLER,
          method,
        );
        if (!metadata) continue;
        const entry = byType.get(metadata.type) ?? { topic: metadata.topic, handlers: [] };
        entry.handlers.push((delivery) => Promise.resolve(method.call(instance, delivery)));
        byType.set(metadata.type, entry);
      }
    }
    return byType;
  }
}

@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: BUS_MODULE_OPTIONS, useValue: options },
        {
          provide: BUS,
          useFactory: () =>
            busFromUrl(options.url, {
              topicNamespace: options.topicNamespace,
              clientId: options.groupId,
              onDeadLetter: options.onDeadLetter,
            }),
        },
        IntegrationEventConsumer,
      ],
      exports: [BUS, IntegrationEventConsumer],
    };
  }
}
