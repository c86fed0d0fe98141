import { DynamicModule, Module } from '@nestjs/common';
import { EventStore, verifyAllStreams } from '@bildungsregion/event-store';
import { AuditReader, auditRoutes } from '@bildungsregion/http';
import { ReadModelStore } from '@bildungsregion/read-models';
import { EVENT_STORE, READ_MODELS, ServiceConfig, serviceModule } from '@bildungsregion/service-runtime';
import { ContactCommands } from './application/contacts/contact-commands';
import { ContactQueries } from './application/contacts/contact-queries';
import { DirectoryQueries } from './application/directory/directory.queries';
import { NetworkCommands } from './application/network-commands';
import { OrganisationCommands } from './application/organisation-commands';
import { CONTACTS, NETWORKS, ORGANISATIONS } from './application/streams';
import { ContactCommandsController, ContactQueriesController } from './http/contacts.controller';
import { NetworkCommandsController, NetworkQueriesController } from './http/networks.controller';
import { OrganisationCommandsController, OrganisationQueriesController } from './http/organisations.controller';
import { actorId, contactId } from './http/planning-requests';
import { PersonalDataKeys } from './infrastructure/personal-data-keys';
import { planningRuntimeParts } from './infrastructure/runtime-parts';

/** Organisations, networks and contacts as auditors read them: history, chain verification. */
const ORGANISATION_AUDIT = Symbol('ORGANISATION_AUDIT');
const NETWORK_AUDIT = Symbol('NETWORK_AUDIT');
const CONTACT_AUDIT = Symbol('CONTACT_AUDIT');
const AUDITORS = ['coordinator', 'auditor', 'admin'] as const;

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
              verifyAllStreams(store, { categories: [ORGANISATIONS.name, NETWORKS.name, CONTACTS.name] }),
          }),
        },
        {
          provide: NETWORK_AUDIT,
          inject: [NetworkCommands],
          useFactory: (commands: NetworkCommands) => commands.networks,
        },
        { provide: CONTACT_AUDIT, inject: [ContactQueries], useFactory: (queries: ContactQueries) => queries },
      ],
      runtime: {
        inject: [OrganisationCommands, NetworkCommands, ContactCommands, EVENT_STORE],
        useFactory: planningRuntimeParts,
      },
    });
  }
}
