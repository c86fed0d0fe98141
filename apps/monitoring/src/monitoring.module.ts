import { DynamicModule, Module } from '@nestjs/common';
import { Bus, BUS, BusModule } from '@bildungsregion/bus';
import { Topics } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { EVENT_STORE, SERVICE_RUNTIME, loggingModule, Metrics, OperationsController, READ_MODELS, serviceProviders } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { Monitoring, SERVICE_NAME } from './application/monitoring';
import { MeasurementImportsController } from './http/measurement-imports.controller';
import { MonitoringCommandsController } from './http/monitoring-commands.controller';
import { monitoringErrorToProblem } from './http/monitoring-errors';
import { MonitoringQueriesController } from './http/monitoring-queries.controller';
import { MonitoringConfig } from './infrastructure/config';
import { MonitoringRuntime } from './infrastructure/monitoring-runtime';

@Module({})
export class MonitoringModule {
  static forRoot(config: MonitoringConfig): DynamicModule {
    const metrics = new Metrics(SERVICE_NAME);
    return {
      module: MonitoringModule,
      imports: [
        loggingModule(SERVICE_NAME, config.logLevel),
        BusModule.forRoot({ url: config.busUrl, groupId: SERVICE_NAME, publishes: [Topics.monitoring], topicNamespace: config.topicNamespace }),
      ],
      controllers: [MonitoringCommandsController, MeasurementImportsController, MonitoringQueriesController, OperationsController],
      providers: [
        ...serviceProviders(config, { metrics, mapError: monitoringErrorToProblem }),
        { provide: Monitoring, inject: [EVENT_STORE, READ_MODELS], useFactory: (store: EventStore, readModels: ReadModelStore) => new Monitoring(store, readModels) },
        {
          provide: MonitoringRuntime,
          inject: [EVENT_STORE, READ_MODELS, BUS, Monitoring, Metrics],
          useFactory: (store: EventStore, readModels: ReadModelStore, bus: Bus, monitoring: Monitoring, metrics: Metrics) => new MonitoringRuntime(store, readModels, bus, monitoring, metrics),
        },
        { provide: SERVICE_RUNTIME, useExisting: MonitoringRuntime },
      ],
    };
  }
}
