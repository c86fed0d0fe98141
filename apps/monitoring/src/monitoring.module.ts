import { BeforeApplicationShutdown, DynamicModule, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, Reflector } from '@nestjs/core';
import { Bus, BUS, BusModule } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore, eventStoreFromUrl } from '@bildungsregion/event-store';
import { AuthGuard, HEALTH_SOURCE, IdempotencyInterceptor, IdempotencyStore, loggingModule, Metrics, OperationsController, ProblemFilter, TokenVerifier } from '@bildungsregion/http';
import { ReadModelStore, readModelsFromUrl } from '@bildungsregion/read-models';
import { Monitoring, SERVICE_NAME } from './application/monitoring';
import { MeasurementImportsController } from './http/measurement-imports.controller';
import { MonitoringCommandsController } from './http/monitoring-commands.controller';
import { monitoringErrorToProblem } from './http/monitoring-errors';
import { MonitoringQueriesController } from './http/monitoring-queries.controller';
import { MonitoringConfig } from './infrastructure/config';
import { MonitoringRuntime } from './infrastructure/monitoring-runtime';

const CONFIG = Symbol('MONITORING_CONFIG');
const EVENT_STORE = Symbol('EVENT_STORE');
const READ_MODELS = Symbol('READ_MODELS');

/** Starts the projections and the relay with the app, and stops them before the bus closes. */
class MonitoringLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(MonitoringRuntime) private readonly runtime: MonitoringRuntime,
    @Inject(CONFIG) private readonly config: MonitoringConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start({ seedSampleData: this.config.seedSampleData });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runtime.close();
  }
}

@Module({})
export class MonitoringModule {
  static forRoot(config: MonitoringConfig): DynamicModule {
    return {
      module: MonitoringModule,
      imports: [
        loggingModule(SERVICE_NAME, config.logLevel),
        BusModule.forRoot({ url: config.busUrl, groupId: SERVICE_NAME, publishes: [Topics.monitoring], topicNamespace: config.topicNamespace }),
      ],
      controllers: [MonitoringCommandsController, MeasurementImportsController, MonitoringQueriesController, OperationsController],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => eventStoreFromUrl(config.eventStoreUrl) },
        { provide: READ_MODELS, useFactory: () => readModelsFromUrl(config.readModelsUrl, { dbName: config.readModelsDb }) },
        { provide: Metrics, useFactory: () => new Metrics(SERVICE_NAME) },
        { provide: Monitoring, inject: [EVENT_STORE, READ_MODELS], useFactory: (store: EventStore, readModels: ReadModelStore) => new Monitoring(store, readModels) },
        {
          provide: MonitoringRuntime,
          inject: [EVENT_STORE, READ_MODELS, BUS, Monitoring, Metrics],
          useFactory: (store: EventStore, readModels: ReadModelStore, bus: Bus, monitoring: Monitoring, metrics: Metrics) => new MonitoringRuntime(store, readModels, bus, monitoring, metrics),
        },
        { provide: HEALTH_SOURCE, useExisting: MonitoringRuntime },
        { provide: IdempotencyStore, inject: [READ_MODELS], useFactory: (readModels: ReadModelStore) => new IdempotencyStore(readModels) },
        { provide: IdempotencyInterceptor, inject: [IdempotencyStore, Reflector], useFactory: (store: IdempotencyStore, reflector: Reflector) => new IdempotencyInterceptor(store, reflector) },
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.tokens) },
        { provide: APP_GUARD, inject: [TokenVerifier, Reflector], useFactory: (verifier: TokenVerifier, reflector: Reflector) => new AuthGuard(verifier, reflector) },
        { provide: APP_FILTER, useFactory: () => new ProblemFilter(monitoringErrorToProblem) },
        MonitoringLifecycle,
      ],
    };
  }
}
