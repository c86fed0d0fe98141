import { EventStore } from '@bildungsregion/event-store';
import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { District } from '@bildungsregion/reference-data';
import { RuntimeParts, SERVICES } from '@bildungsregion/service-runtime';
import { catalogueProjection } from '../application/catalogue/catalogue.projection';
import { importProjection } from '../application/imports/import.projection';
import { IndicatorCommands } from '../application/indicator-commands';
import { latestValueProjection, measurementProjection } from '../application/measurements/measurement.projections';
import { toPublicEvent } from '../application/public-events';
import { releaseProjection } from '../application/releases/release.projection';
import { seedCatalogue, seedSampleMeasurements } from '../application/sample-data';
import { INDICATORS, RELEASES, SERVICE_NAME } from '../application/streams';

const PROJECTIONS = [
  catalogueProjection,
  measurementProjection,
  latestValueProjection,
  releaseProjection,
  importProjection,
] as unknown as Projection<ProjectedDocument>[];

/** Monitoring runs the catalogue, measurement, release and import projections, publishes indicator and release events, and defines its starter catalogue. */
export function monitoringRuntimeParts(
  commands: IndicatorCommands,
  store: EventStore,
  district: District,
): RuntimeParts {
  return {
    service: SERVICE_NAME,
    projections: PROJECTIONS,
    relay: { topic: SERVICES.monitoring.topic, categories: [INDICATORS.name, RELEASES.name], toPublicEvent },
    async seed({ seedSampleData, logger }) {
      const defined = await seedCatalogue(commands, store);
      if (defined > 0) logger.info({ defined }, 'defined the starter indicator catalogue');
      if (!seedSampleData) return;
      const recorded = await seedSampleMeasurements(commands, district);
      if (recorded > 0) logger.info({ recorded }, 'recorded synthetic sample measurements');
    },
  };
}
