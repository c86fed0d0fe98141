import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { ideasWorkflowSuite } from './support/ideas-workflow.suite';

onKafkaAndFerretDb('ideas', ideasWorkflowSuite);
