import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { monitoringApiSuite } from './support/monitoring-api.suite';

onEmbeddedDefaults('monitoring', monitoringApiSuite);
