import { ferretDbForTests, describeWith, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { goalsApiSuite } from './support/goals-api.suite';

describeWith(kafkaForTests(), 'goals API on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and mongoose read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    goalsApiSuite(
      () => ({
        eventStoreUrl: `sqlite:${join(dir(), 'events.sqlite')}`,
        busUrl: `kafka://${brokers}`,
        readModelsUrl: mongoUrl,
        readModelsDb: `goals_api_${run}`,
        topicNamespace: `goals-api-${run}`,
      }),
      () => join(dir(), 'events.sqlite'),
    );
  });
});
