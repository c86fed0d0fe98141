import { EventStore } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { Topics } from '@bildungsregion/contracts';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { planRunProjection } from '../application/capacity/plan-runs';
import { planningInputProjection } from '../application/capacity/planning-inputs';
import { ScenarioCommands } from '../application/capacity/scenario-commands';
import { scenarioProjection } from '../application/capacity/scenario.projection';
import { ContactCommands } from '../application/contacts/contact-commands';
import { contactSummaryProjection } from '../application/contacts/contact-summary.projection';
import { networkSummaryProjection } from '../application/directory/network-summary.projection';
import { organisationSummaryProjection } from '../application/directory/organisation-summary.projection';
import { InstitutionCommands } from '../application/inventory/institution-commands';
import { institutionProjection, offeringProjection } from '../application/inventory/inventory.projections';
import { OfferingCommands } from '../application/inventory/offering-commands';
import { NetworkCommands } from '../application/network-commands';
import { OrganisationCommands } from '../application/organisation-commands';
import { GapWatch } from '../application/measures/gap-watch';
import { MeasureCommands } from '../application/measures/measure-commands';
import { seedSampleMeasures } from '../application/measures/sample-measures';
import { gapProjection, measureProjection } from '../application/measures/measure.projections';
import { PUBLISHED_CATEGORIES, toPublicEvent } from '../application/public-events';
import { seedSampleActors } from '../application/sample-actors';
import { seedBaselineScenario, seedSampleCapacity } from '../application/sample-capacity';
import { SERVICE_NAME } from '../application/streams';

/**
 * Planning runs the directory, contact, institution, offering, scenario, input and plan-run projections,
 * measure and gap projections, publishes the directory's names, measures and gaps, plans from
 * monitoring's population and Betreuungsquoten, drafts measures from promoted ideas and watches for gaps.
 */
export function planningRuntimeParts(
  organisations: OrganisationCommands,
  networks: NetworkCommands,
  contacts: ContactCommands,
  institutions: InstitutionCommands,
  offerings: OfferingCommands,
  scenarios: ScenarioCommands,
  store: EventStore,
  gapWatch: GapWatch,
  measures: MeasureCommands,
): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: [
      organisationSummaryProjection,
      networkSummaryProjection,
      contactSummaryProjection,
      institutionProjection,
      offeringProjection,
      scenarioProjection,
      planningInputProjection,
      planRunProjection,
      measureProjection,
      gapProjection,
    ] as unknown as Projection<ProjectedDocument>[],
    relay: { topic: SERVICES.planning.topic, categories: PUBLISHED_CATEGORIES, toPublicEvent },
    consumes: [Topics.monitoring, Topics.ideas],
    background: [gapWatch],
    async seed({ seedSampleData, logger }) {
      if (await seedBaselineScenario(scenarios, store)) logger.info('created the status-quo scenario');
      if (!seedSampleData) return;
      const seeded = await seedSampleActors(organisations, networks, contacts, store);
      if (seeded > 0) logger.info({ seeded }, 'seeded the synthetic sample directory');
      const capacity = await seedSampleCapacity({ organisations, institutions, offerings, scenarios }, store);
      if (capacity === 0) return;
      await seedSampleMeasures(measures);
      logger.info({ institutions: capacity }, 'seeded synthetic institutions, offerings, scenarios and measures');
    },
  };
}
