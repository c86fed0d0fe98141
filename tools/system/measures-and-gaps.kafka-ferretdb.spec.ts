import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { measuresAndGapsSuite } from './support/measures-and-gaps.suite';

describeWith(kafkaForTests(), 'monitoring, ideas → planning as separate processes on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    const service = (name: string) => ({
      BUS_URL: `kafka://${brokers}`,
      READ_MODELS_URL: mongoUrl,
      TOPIC_NAMESPACE: `system-measures-${run}`,
      EVENT_STORE_URL: `sqlite:${join(dir(), `${name}.sqlite`)}`,
      READ_MODELS_DB: `system_${name}_${run}`,
    });
    measuresAndGapsSuite(
      () => ({ monitoring: service('monitoring'), ideas: service('ideas'), planning: service('planning') }),
      { planning: 3923, monitoring: 3924, ideas: 3925 },
    );
  });
});
