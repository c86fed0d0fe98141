import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { ideasApiSuite } from './support/ideas-api.suite';

onKafkaAndFerretDb('ideas', ideasApiSuite);
