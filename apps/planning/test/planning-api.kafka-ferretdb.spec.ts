import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { planningApiSuite } from './support/planning-api.suite';

onKafkaAndFerretDb('planning', planningApiSuite);
