import { describeWith, ferretDbForTests, kafkaClusterForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { twoGoalsInstancesSuite } from './support/two-goals-instances.suite';

describeWith(kafkaClusterForTests(), 'two goals instances on the Kafka cluster, one killed under load', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    twoGoalsInstancesSuite(
      () => {
        const run = randomUUID().slice(0, 8);
        return {
          dir: dir(),
          readModelsUrl: `${mongoUrl}goals_instances_${run}`,
          busUrl: `kafka://${brokers}?replicationFactor=3&minInsyncReplicas=2`,
          topicNamespace: `instances${run}`,
        };
      },
      { first: 3965, second: 3966 },
    );
  });
});
