import { DynamicModule, InjectionToken, Provider, Type } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { Bus, BUS, BusModule, createLogger, IntegrationEventConsumer } from '@bildungsregion/bus';
import { EventStore, eventStoreFromUrl } from '@bildungsregion/event-store';
import {
  applicationErrorToProblem,
  AuthGuard,
  CommandResponses,
  ErrorMapper,
  HEALTH_REPORTER,
  IdempotencyInterceptor,
  IdempotencyStore,
  loggingModule,
  Metrics,
  OperationsController,
  ProblemFilter,
  TokenVerifier,
} from '@bildungsregion/http';
import { ReadModelStore, readModelsFromUrl } from '@bildungsregion/read-models';
import { ServiceConfig } from './config';
import { serviceEntry } from './registry';
import { RuntimeParts, SERVICE_RUNTIME, ServiceLifecycle, StandardRuntime } from './runtime';
import { SealKeeper, sealKeyFor } from './seals';
import { SealsController } from './seals.controller';

/** Injection tokens of the service's configuration and of its stores, chosen by URL. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');

export interface ServiceDefinition {
  /** The service's own controllers; health, metrics and the OpenAPI document come with the kit. */
  readonly controllers: readonly Type[];
  /** The service's use cases and consumers, built from the tokens above. */
  readonly providers: readonly Provider[];
  /** Its projections, relay and consumed topics, built with whatever `inject` names. */
  readonly runtime: { readonly inject?: readonly InjectionToken[]; useFactory(...dependencies: never[]): RuntimeParts };
  /** Problem answers for errors of the service's own; the application's errors are mapped already. */
  readonly mapError?: ErrorMapper;
}

const RUNTIME_PARTS = Symbol('RUNTIME_PARTS');

/**
 * A service module as every service has it: logs, the bus with its consumer group and dead-letter
 * count, its stores from the configured URLs, metrics, Idempotency-Key handling, bearer tokens on
 * every route, errors as problem+json, health and metrics routes, and the runtime's lifecycle.
 */
export function serviceModule(module: Type, config: ServiceConfig, definition: ServiceDefinition): DynamicModule {
  const entry = serviceEntry(config.service);
  const metrics = new Metrics(config.service);
  const deadLetters = metrics.counter('bus_dead_letters_total', 'Consumed messages moved to a dead-letter topic', [
    'topic',
  ]);
  const mapError: ErrorMapper = (error) => definition.mapError?.(error) ?? applicationErrorToProblem(error);
  return {
    module,
    imports: [
      loggingModule(config.service, config.logLevel),
      BusModule.forRoot({
        url: config.busUrl,
        groupId: entry.consumerGroup,
        publishes: [entry.topic],
        topicNamespace: config.topicNamespace,
        onDeadLetter: ({ topic }) => deadLetters.inc({ topic }),
      }),
    ],
    controllers: [...definition.controllers, OperationsController, SealsController],
    providers: [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: EVENT_STORE, useFactory: () => eventStoreFromUrl(config.eventStoreUrl) },
      {
        provide: READ_MODELS,
        useFactory: () => readModelsFromUrl(config.readModelsUrl, { dbName: config.readModelsDb }),
      },
      { provide: Metrics, useValue: metrics },
      { provide: CommandResponses, useFactory: () => new CommandResponses(metrics, config.service) },
      {
        provide: IdempotencyStore,
        inject: [EVENT_STORE],
        useFactory: (store: EventStore) => new IdempotencyStore(store, config.service),
      },
      {
        provide: IdempotencyInterceptor,
        inject: [IdempotencyStore, Reflector],
        useFactory: (store: IdempotencyStore, reflector: Reflector) => new IdempotencyInterceptor(store, reflector),
      },
      { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.tokens) },
      {
        provide: APP_GUARD,
        inject: [TokenVerifier, Reflector],
        useFactory: (verifier: TokenVerifier, reflector: Reflector) => new AuthGuard(verifier, reflector),
      },
      { provide: APP_FILTER, useFactory: () => new ProblemFilter(mapError) },
      {
        provide: RUNTIME_PARTS,
        inject: [...(definition.runtime.inject ?? [])],
        useFactory: definition.runtime.useFactory,
      },
      {
        provide: SealKeeper,
        inject: [EVENT_STORE, BUS],
        useFactory: (store: EventStore, bus: Bus) =>
          new SealKeeper(
            config.service,
            store,
            bus,
            sealKeyFor(config.seals, config.eventStoreUrl),
            config.seals,
            createLogger(`${config.service}:seals`),
          ),
      },
      {
        provide: SERVICE_RUNTIME,
        inject: [EVENT_STORE, READ_MODELS, BUS, RUNTIME_PARTS, SealKeeper, IntegrationEventConsumer],
        useFactory: (
          store: EventStore,
          readModels: ReadModelStore,
          bus: Bus,
          parts: RuntimeParts,
          seals: SealKeeper,
          consumer: IntegrationEventConsumer,
        ) =>
          new StandardRuntime(store, readModels, bus, metrics, parts, seals, config.instance, () =>
            consumer.assignment(),
          ),
      },
      { provide: HEALTH_REPORTER, useExisting: SERVICE_RUNTIME },
      {
        provide: ServiceLifecycle,
        inject: [SERVICE_RUNTIME],
        useFactory: (runtime: StandardRuntime) => new ServiceLifecycle(runtime, config.seedSampleData),
      },
      ...definition.providers,
    ],
  };
}
