import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitoringToPlanningSuite } from './support/monitoring-to-planning.suite';

describeWith(kafkaForTests(), 'monitoring → planning as separate processes on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    const shared = { BUS_URL: `kafka://${brokers}`, READ_MODELS_URL: mongoUrl, TOPIC_NAMESPACE: `system-plan-${run}` };
    monitoringToPlanningSuite(
      () => ({
        planning: {
          ...shared,
          EVENT_STORE_URL: `sqlite:${join(dir(), 'planning.sqlite')}`,
          READ_MODELS_DB: `system_planning_${run}`,
        },
        monitoring: {
          ...shared,
          EVENT_STORE_URL: `sqlite:${join(dir(), 'monitoring.sqlite')}`,
          READ_MODELS_DB: `system_monitoring_${run}`,
        },
      }),
      { planning: 3937, monitoring: 3938 },
    );
  });
});
