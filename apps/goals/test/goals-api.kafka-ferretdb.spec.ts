import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { goalsApiSuite } from './support/goals-api.suite';

onKafkaAndFerretDb('goals', goalsApiSuite);
