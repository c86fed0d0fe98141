import { describeWith, ferretDbForTests, kafkaForTests, useTempDir } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { personalDataErasureSuite } from './support/personal-data-erasure.suite';

/** The data directories `npm run infra:up` gives Kafka and FerretDB (`INFRA_DATA_DIR`, else data/infra). */
const infraData = process.env['INFRA_DATA_DIR'] ?? join(__dirname, '..', '..', 'data', 'infra');

describeWith(kafkaForTests(), 'an erasure request in planning as its own process on Kafka', (brokers) => {
  describeWith(ferretDbForTests(), 'and FerretDB read models', (mongoUrl) => {
    const dir = useTempDir();
    const run = randomUUID().slice(0, 8);
    const db = `system_planning_${run}`;
    const namespace = `system-erasure-${run}`;
    personalDataErasureSuite(
      () => ({
        dataDir: dir(),
        EVENT_STORE_URL: `sqlite:${join(dir(), 'events.sqlite')}`,
        BUS_URL: `kafka://${brokers}`,
        READ_MODELS_URL: mongoUrl,
        READ_MODELS_DB: db,
        TOPIC_NAMESPACE: namespace,
      }),
      () => ({
        directories: [dir()],
        sharedDirectories: [
          { path: join(infraData, 'kafka', 'data'), entriesStartingWith: namespace },
          { path: join(infraData, 'ferretdb', 'data'), entriesStartingWith: db },
        ],
        readModels: { url: mongoUrl, db },
      }),
      3985,
    );
  });
});
