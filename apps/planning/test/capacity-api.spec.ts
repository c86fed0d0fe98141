import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { capacityApiSuite } from './support/capacity-api.suite';

onEmbeddedDefaults('planning', capacityApiSuite);
