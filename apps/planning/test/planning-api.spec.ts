import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { planningApiSuite } from './support/planning-api.suite';

onEmbeddedDefaults('planning', planningApiSuite);
