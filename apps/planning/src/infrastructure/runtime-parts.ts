import { EventStore } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { ContactCommands } from '../application/contacts/contact-commands';
import { contactSummaryProjection } from '../application/contacts/contact-summary.projection';
import { networkSummaryProjection } from '../application/directory/network-summary.projection';
import { organisationSummaryProjection } from '../application/directory/organisation-summary.projection';
import { NetworkCommands } from '../application/network-commands';
import { OrganisationCommands } from '../application/organisation-commands';
import { toPublicEvent } from '../application/public-events';
import { seedSampleActors } from '../application/sample-actors';
import { NETWORKS, ORGANISATIONS, SERVICE_NAME } from '../application/streams';

/** Planning runs the directory and contact projections and publishes the directory's names. */
export function planningRuntimeParts(
  organisations: OrganisationCommands,
  networks: NetworkCommands,
  contacts: ContactCommands,
  store: EventStore,
): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: [
      organisationSummaryProjection,
      networkSummaryProjection,
      contactSummaryProjection,
    ] as unknown as Projection<ProjectedDocument>[],
    relay: { topic: SERVICES.planning.topic, categories: [ORGANISATIONS.name, NETWORKS.name], toPublicEvent },
    consumes: [],
    async seed({ seedSampleData, logger }) {
      if (!seedSampleData) return;
      const seeded = await seedSampleActors(organisations, networks, contacts, store);
      if (seeded > 0) logger.info({ seeded }, 'seeded the synthetic sample directory');
    },
  };
}
