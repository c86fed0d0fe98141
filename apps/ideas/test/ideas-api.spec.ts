import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { ideasApiSuite } from './support/ideas-api.suite';

onEmbeddedDefaults('ideas', ideasApiSuite);
