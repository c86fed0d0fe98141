import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { capacityApiSuite } from './support/capacity-api.suite';

onKafkaAndFerretDb('planning', capacityApiSuite);
