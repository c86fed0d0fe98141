import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { goalsApiSuite } from './support/goals-api.suite';

onEmbeddedDefaults('goals', goalsApiSuite);
