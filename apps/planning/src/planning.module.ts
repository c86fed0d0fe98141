import { DynamicModule, Module } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { EventStore, verifyAllStreams } from '@bildungsregion/event-store';
import { AuditReader, auditRoutes } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import {
  EVENT_STORE,
  READ_MODELS,
  SERVICE_RUNTIME,
  ServiceConfig,
  serviceModule,
  StandardRuntime,
} from '@bildungsregion/service-runtime';
import { CapacityPlans } from './application/capacity/capacity-plans';
import { PlanRuns } from './application/capacity/plan-runs';
import { PlanningInputs, planningInputProjection } from './application/capacity/planning-inputs';
import { scenarioProjection } from './application/capacity/scenario.projection';
import { institutionProjection } from './application/inventory/inventory.projections';
import { ScenarioCommands } from './application/capacity/scenario-commands';
import { ScenarioQueries } from './application/capacity/scenario.queries';
import { ContactCommands } from './application/contacts/contact-commands';
import { ContactQueries } from './application/contacts/contact-queries';
import { DirectoryQueries } from './application/directory/directory.queries';
import { InstitutionCommands } from './application/inventory/institution-commands';
import { InventoryQueries } from './application/inventory/inventory.queries';
import { OfferingCommands } from './application/inventory/offering-commands';
import { GapWatch } from './application/measures/gap-watch';
import { MeasureCommands } from './application/measures/measure-commands';
import { gapProjection, measureProjection } from './application/measures/measure.projections';
import { MeasureQueries } from './application/measures/measure.queries';
import { NetworkCommands } from './application/network-commands';
import { OrganisationCommands } from './application/organisation-commands';
import {
  CONTACTS,
  GAPS,
  INPUTS,
  MEASURES,
  INSTITUTIONS,
  NETWORKS,
  OFFERINGS,
  ORGANISATIONS,
  PLAN_RUNS,
  SCENARIOS,
} from './application/streams';
import {
  CapacityPlansController,
  PlanRunCommandsController,
  PlanRunQueriesController,
} from './http/capacity-plans.controller';
import { institutionId, offeringId, scenarioId } from './http/capacity-requests';
import { ContactCommandsController, ContactQueriesController } from './http/contacts.controller';
import { measureId } from './http/measure-requests';
import { MeasureCommandsController, MeasureQueriesController } from './http/measures.controller';
import { NetworkCommandsController, NetworkQueriesController } from './http/networks.controller';
import { OrganisationCommandsController, OrganisationQueriesController } from './http/organisations.controller';
import { InstitutionCommandsController, InstitutionQueriesController } from './http/institutions.controller';
import { OfferingCommandsController, OfferingQueriesController } from './http/offerings.controller';
import { actorId, contactId } from './http/planning-requests';
import { ScenarioCommandsController, ScenarioQueriesController } from './http/scenarios.controller';
import { IdeasEventsConsumer } from './infrastructure/ideas-events.consumer';
import { MonitoringEventsConsumer } from './infrastructure/monitoring-events.consumer';
import { PersonalDataKeys } from './infrastructure/personal-data-keys';
import { planningRuntimeParts } from './infrastructure/runtime-parts';

/** Organisations, networks and contacts as auditors read them: history, chain verification. */
const ORGANISATION_AUDIT = Symbol('ORGANISATION_AUDIT');
const NETWORK_AUDIT = Symbol('NETWORK_AUDIT');
const CONTACT_AUDIT = Symbol('CONTACT_AUDIT');
const INSTITUTION_AUDIT = Symbol('INSTITUTION_AUDIT');
const OFFERING_AUDIT = Symbol('OFFERING_AUDIT');
const SCENARIO_AUDIT = Symbol('SCENARIO_AUDIT');
const MEASURE_AUDIT = Symbol('MEASURE_AUDIT');
const AUDITORS = ['coordinator', 'auditor', 'admin'] as const;
/** The read models a plan is computed from, and the gaps the gap watch compares it with. */
const PLAN_PROJECTIONS = [
  planningInputProjection,
  institutionProjection,
  scenarioProjection,
  measureProjection,
  gapProjection,
];

/**
 * Resolves once the read models hold everything stored so far. The runtime is looked up on the first
 * call: it is built after the gap watch, which needs the plans and queries that wait on it.
 */
function caughtUpWith(moduleRef: ModuleRef, projections: readonly { readonly name: string }[]) {
  return async () => {
    const runtime = moduleRef.get<StandardRuntime>(SERVICE_RUNTIME, { strict: false });
    for (const projection of projections) await runtime.projection(projection.name).caughtUpWithStore();
  };
}

@Module({})
export class PlanningModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return serviceModule(PlanningModule, config, {
      controllers: [
        OrganisationQueriesController,
        OrganisationCommandsController,
        NetworkQueriesController,
        NetworkCommandsController,
        ContactQueriesController,
        ContactCommandsController,
        InstitutionQueriesController,
        InstitutionCommandsController,
        OfferingQueriesController,
        OfferingCommandsController,
        ScenarioQueriesController,
        ScenarioCommandsController,
        CapacityPlansController,
        PlanRunQueriesController,
        PlanRunCommandsController,
        MeasureQueriesController,
        MeasureCommandsController,
        auditRoutes({
          path: 'actors',
          param: 'id',
          idSchema: actorId,
          noun: 'organisation',
          scope: 'all organisations, networks and contacts',
          roles: AUDITORS,
          reader: ORGANISATION_AUDIT,
        }),
        auditRoutes({
          path: 'networks',
          param: 'id',
          idSchema: actorId,
          noun: 'network',
          scope: 'all networks',
          roles: AUDITORS,
          reader: NETWORK_AUDIT,
          storeAudit: false,
        }),
        auditRoutes({
          path: 'contacts',
          param: 'id',
          idSchema: contactId,
          noun: 'contact',
          scope: 'all contacts',
          roles: AUDITORS,
          reader: CONTACT_AUDIT,
          storeAudit: false,
        }),
        ...(
          [
            ['institutions', institutionId, 'institution', INSTITUTION_AUDIT],
            ['offerings', offeringId, 'offering', OFFERING_AUDIT],
            ['scenarios', scenarioId, 'scenario', SCENARIO_AUDIT],
            ['measures', measureId, 'measure', MEASURE_AUDIT],
          ] as const
        ).map(([path, idSchema, noun, reader]) =>
          auditRoutes({ path, param: 'id', idSchema, noun, scope: '', roles: AUDITORS, reader, storeAudit: false }),
        ),
      ],
      providers: [
        { provide: PersonalDataKeys, useFactory: () => new PersonalDataKeys(config.personalDataKeysFile) },
        {
          provide: OrganisationCommands,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new OrganisationCommands(store, config.district),
        },
        {
          provide: NetworkCommands,
          inject: [EVENT_STORE, OrganisationCommands],
          useFactory: (store: EventStore, organisations: OrganisationCommands) =>
            new NetworkCommands(store, organisations),
        },
        {
          provide: ContactCommands,
          inject: [EVENT_STORE, OrganisationCommands, PersonalDataKeys],
          useFactory: (store: EventStore, organisations: OrganisationCommands, keys: PersonalDataKeys) =>
            new ContactCommands(store, organisations, keys.vault),
        },
        {
          provide: DirectoryQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new DirectoryQueries(readModels),
        },
        {
          provide: ContactQueries,
          inject: [READ_MODELS, ContactCommands, PersonalDataKeys],
          useFactory: (readModels: ReadModelStore, contacts: ContactCommands, keys: PersonalDataKeys) =>
            new ContactQueries(readModels, contacts, keys.vault, config.district.region.name),
        },
        {
          provide: ORGANISATION_AUDIT,
          inject: [OrganisationCommands, EVENT_STORE],
          useFactory: (commands: OrganisationCommands, store: EventStore): AuditReader => ({
            history: (id, page) => commands.organisations.history(id, page),
            verify: (id) => commands.organisations.verify(id),
            verifyAll: () =>
              verifyAllStreams(store, {
                categories: [
                  ORGANISATIONS.name,
                  NETWORKS.name,
                  CONTACTS.name,
                  INSTITUTIONS.name,
                  OFFERINGS.name,
                  SCENARIOS.name,
                  PLAN_RUNS.name,
                  INPUTS.name,
                  MEASURES.name,
                  GAPS.name,
                ],
              }),
          }),
        },
        {
          provide: NETWORK_AUDIT,
          inject: [NetworkCommands],
          useFactory: (commands: NetworkCommands) => commands.networks,
        },
        { provide: CONTACT_AUDIT, inject: [ContactQueries], useFactory: (queries: ContactQueries) => queries },
        {
          provide: InstitutionCommands,
          inject: [EVENT_STORE, OrganisationCommands],
          useFactory: (store: EventStore, organisations: OrganisationCommands) =>
            new InstitutionCommands(store, config.district, organisations),
        },
        {
          provide: OfferingCommands,
          inject: [EVENT_STORE, OrganisationCommands],
          useFactory: (store: EventStore, organisations: OrganisationCommands) =>
            new OfferingCommands(store, config.district, organisations),
        },
        {
          provide: ScenarioCommands,
          inject: [EVENT_STORE],
          useFactory: (store: EventStore) => new ScenarioCommands(store, config.district),
        },
        {
          provide: InventoryQueries,
          inject: [READ_MODELS],
          useFactory: (readModels: ReadModelStore) => new InventoryQueries(readModels),
        },
        {
          provide: PlanningInputs,
          inject: [EVENT_STORE, READ_MODELS],
          useFactory: (store: EventStore, readModels: ReadModelStore) => new PlanningInputs(store, readModels),
        },
        {
          provide: MeasureQueries,
          inject: [READ_MODELS, ModuleRef],
          useFactory: (readModels: ReadModelStore, moduleRef: ModuleRef) =>
            new MeasureQueries(readModels, caughtUpWith(moduleRef, [measureProjection])),
        },
        {
          provide: MeasureCommands,
          inject: [EVENT_STORE, InstitutionCommands],
          useFactory: (store: EventStore, institutions: InstitutionCommands) =>
            new MeasureCommands(store, config.district, institutions),
        },
        {
          provide: CapacityPlans,
          inject: [PlanningInputs, InventoryQueries, MeasureQueries, READ_MODELS, ModuleRef],
          useFactory: (
            inputs: PlanningInputs,
            inventory: InventoryQueries,
            measures: MeasureQueries,
            readModels: ReadModelStore,
            moduleRef: ModuleRef,
          ) =>
            new CapacityPlans(
              inputs,
              inventory,
              measures,
              new ScenarioQueries(readModels),
              config.district,
              caughtUpWith(moduleRef, PLAN_PROJECTIONS),
            ),
        },
        {
          provide: GapWatch,
          inject: [EVENT_STORE, CapacityPlans, MeasureQueries],
          useFactory: (store: EventStore, plans: CapacityPlans, measures: MeasureQueries) =>
            new GapWatch(store, plans, measures, config.district),
        },
        {
          provide: PlanRuns,
          inject: [EVENT_STORE, READ_MODELS, CapacityPlans],
          useFactory: (store: EventStore, readModels: ReadModelStore, plans: CapacityPlans) =>
            new PlanRuns(store, readModels, plans),
        },
        MonitoringEventsConsumer,
        IdeasEventsConsumer,
        {
          provide: MEASURE_AUDIT,
          inject: [MeasureCommands],
          useFactory: (commands: MeasureCommands) => commands.measures,
        },
        {
          provide: INSTITUTION_AUDIT,
          inject: [InstitutionCommands],
          useFactory: (commands: InstitutionCommands) => commands.institutions,
        },
        {
          provide: OFFERING_AUDIT,
          inject: [OfferingCommands],
          useFactory: (commands: OfferingCommands) => commands.offerings,
        },
        {
          provide: SCENARIO_AUDIT,
          inject: [ScenarioCommands],
          useFactory: (commands: ScenarioCommands) => commands.scenarios,
        },
      ],
      runtime: {
        inject: [
          OrganisationCommands,
          NetworkCommands,
          ContactCommands,
          InstitutionCommands,
          OfferingCommands,
          ScenarioCommands,
          EVENT_STORE,
          GapWatch,
          MeasureCommands,
        ],
        useFactory: planningRuntimeParts,
      },
    });
  }
}
