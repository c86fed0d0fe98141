import { ferretDbForTests, describeWith, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitoringApiSuite } from './support/monitoring-api.suite';

describeWith(kafkaForTests(), 'monitoring API on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and mongoose read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    monitoringApiSuite(
      () => ({
        eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`,
        busUrl: `kafka://${brokers}`,
        readModelsUrl: mongoUrl,
        readModelsDb: `monitoring_api_${run}`,
        topicNamespace: `monitoring-api-${run}`,
      }),
      () => join(dir(), 'events.sqlite'),
    );
  });
});
