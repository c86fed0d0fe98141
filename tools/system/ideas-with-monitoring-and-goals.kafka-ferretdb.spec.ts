import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ideasWithMonitoringAndGoalsSuite } from './support/ideas-with-monitoring-and-goals.suite';

describeWith(kafkaForTests(), 'monitoring, goals → ideas → goals as separate processes on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    const service = (name: string) => ({
      BUS_URL: `kafka://${brokers}`,
      READ_MODELS_URL: mongoUrl,
      TOPIC_NAMESPACE: `system-ideas-${run}`,
      EVENT_STORE_URL: `sqlite:${join(dir(), `${name}.sqlite`)}`,
      READ_MODELS_DB: `system_${name}_${run}`,
    });
    ideasWithMonitoringAndGoalsSuite(
      () => ({ goals: service('goals'), monitoring: service('monitoring'), ideas: service('ideas') }),
      { goals: 3974, monitoring: 3975, ideas: 3976 },
    );
  });
});
