import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { measuresApiSuite } from './support/measures-api.suite';

onEmbeddedDefaults('planning', measuresApiSuite);
