import { DynamicModule, Module } from '@nestjs/common';
import { EventStore } from '@bildungsregion/event-store';
import { auditRoutes, ProblemError } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { EVENT_STORE, READ_MODELS, ServiceConfig, serviceModule } from '@bildungsregion/service-runtime';
import { CatalogueQueries } from './application/catalogue/catalogue.queries';
import { InvalidImportFileError } from './application/imports/csv-import';
import { MeasurementImports } from './application/imports/measurement-imports';
import { IndicatorCommands } from './application/indicator-commands';
import { MeasurementQueries } from './application/measurements/measurement.queries';
import { Releases } from './application/releases/releases';
import { MeasurementImportsController } from './http/measurement-imports.controller';
import { MonitoringCommandsController } from './http/monitoring-commands.controller';
import { MonitoringQueriesController } from './http/monitoring-queries.controller';
import { key } from './http/monitoring-requests';
import { monitoringRuntimeParts } from './infrastructure/runtime-parts';

@Module({})
export class MonitoringModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    const { district } = config;
    return serviceModule(MonitoringModule, config, {
      controllers: [
        MonitoringCommandsController,
        MeasurementImportsController,
        MonitoringQueriesController,
        auditRoutes({
          path: 'indicators',
          param: 'key',
          idSchema: key,
          noun: 'indicator',
          scope: 'all indicators, releases and imports',
          roles: ['coordinator', 'admin', 'auditor'],
          reader: CatalogueQueries,
        }),
      ],
      providers: [
        {
          provide: IndicatorCommands,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new IndicatorCommands(store, district),
        },
        {
          provide: MeasurementImports,
          inject: [EVENT_STORE, IndicatorCommands, READ_MODELS],
          useFactory: (store: EventStore, commands: IndicatorCommands, readModels: ReadModelStore) =>
            new MeasurementImports(store, commands.indicators, district, readModels),
        },
        {
          provide: Releases,
          inject: [EVENT_STORE, READ_MODELS],
          useFactory: (store: EventStore, readModels: ReadModelStore) => new Releases(store, readModels),
        },
        {
          provide: CatalogueQueries,
          inject: [EVENT_STORE, IndicatorCommands, READ_MODELS],
          useFactory: (store: EventStore, commands: IndicatorCommands, readModels: ReadModelStore) =>
            new CatalogueQueries(store, commands.indicators, district, readModels),
        },
        {
          provide: MeasurementQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new MeasurementQueries(district, readModels),
        },
      ],
      runtime: {
        inject: [IndicatorCommands, EVENT_STORE],
        useFactory: (commands: IndicatorCommands, store: EventStore) =>
          monitoringRuntimeParts(commands, store, district),
      },
      mapError: (error) =>
        error instanceof InvalidImportFileError
          ? new ProblemError(422, 'invalid-import-file', 'The file cannot be imported', error.message)
          : undefined,
    });
  }
}
