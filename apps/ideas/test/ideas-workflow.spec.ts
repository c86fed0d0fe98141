import { onEmbeddedDefaults } from '@bildungsregion/service-testing';
import { ideasWorkflowSuite } from './support/ideas-workflow.suite';

onEmbeddedDefaults('ideas', ideasWorkflowSuite);
