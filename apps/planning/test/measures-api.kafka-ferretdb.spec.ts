import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { measuresApiSuite } from './support/measures-api.suite';

onKafkaAndFerretDb('planning', measuresApiSuite);
