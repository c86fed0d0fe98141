import { onKafkaAndFerretDb } from '@bildungsregion/service-testing';
import { monitoringApiSuite } from './support/monitoring-api.suite';

onKafkaAndFerretDb('monitoring', monitoringApiSuite);
