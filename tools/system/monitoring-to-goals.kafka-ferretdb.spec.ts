import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitoringToGoalsSuite } from './support/monitoring-to-goals.suite';

describeWith(kafkaForTests(), 'monitoring → goals as separate processes on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    const shared = { BUS_URL: `kafka://${brokers}`, READ_MODELS_URL: mongoUrl, TOPIC_NAMESPACE: `system-${run}` };
    monitoringToGoalsSuite(
      () => ({
        goals: {
          ...shared,
          EVENT_STORE_URL: `sqlite:${join(dir(), 'goals.sqlite')}`,
          READ_MODELS_DB: `system_goals_${run}`,
        },
        monitoring: {
          ...shared,
          EVENT_STORE_URL: `sqlite:${join(dir(), 'monitoring.sqlite')}`,
          READ_MODELS_DB: `system_monitoring_${run}`,
        },
      }),
      { goals: 3963, monitoring: 3964 },
    );
  });
});
