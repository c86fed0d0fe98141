import { Provider } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { eventStoreFromUrl } from '@bildungsregion/event-store';
import { ReadModelStore, readModelsFromUrl } from '@bildungsregion/read-models';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/tokens';
import { ServiceConfig } from './config';
import { IdempotencyInterceptor, IdempotencyStore } from './idempotency';
import { Metrics } from './metrics';
import { ErrorMapper, ProblemFilter } from './problems';
import { SERVICE_RUNTIME, ServiceLifecycle, ServiceRuntime } from './service-runtime';

/** Injection tokens of the service's event store and read-model store, chosen by URL. */
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');

/**
 * What every service module provides alike: its stores from the configured URLs, its metrics,
 * Idempotency-Key handling, bearer-token checks on every route, errors as problem+json, and the
 * lifecycle of the runtime the module provides under SERVICE_RUNTIME.
 */
export function serviceProviders(config: ServiceConfig, options: { readonly metrics: Metrics; readonly mapError: ErrorMapper }): Provider[] {
  return [
    { provide: EVENT_STORE, useFactory: () => eventStoreFromUrl(config.eventStoreUrl) },
    { provide: READ_MODELS, useFactory: () => readModelsFromUrl(config.readModelsUrl, { dbName: config.readModelsDb }) },
    { provide: Metrics, useValue: options.metrics },
    { provide: IdempotencyStore, inject: [READ_MODELS], useFactory: (readModels: ReadModelStore) => new IdempotencyStore(readModels) },
    { provide: IdempotencyInterceptor, inject: [IdempotencyStore, Reflector], useFactory: (store: IdempotencyStore, reflector: Reflector) => new IdempotencyInterceptor(store, reflector) },
    { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.tokens) },
    { provide: APP_GUARD, inject: [TokenVerifier, Reflector], useFactory: (verifier: TokenVerifier, reflector: Reflector) => new AuthGuard(verifier, reflector) },
    { provide: APP_FILTER, useFactory: () => new ProblemFilter(options.mapError) },
    { provide: ServiceLifecycle, inject: [SERVICE_RUNTIME], useFactory: (runtime: ServiceRuntime) => new ServiceLifecycle(runtime, config.seedSampleData) },
  ];
}
