// Waits until Kafka answers a metadata request and FerretDB answers a ping, and, when a third
// argument lists the brokers of the three-node cluster, until all three have joined it; exits 1
// after the deadline.
const { Kafka, logLevel } = require('kafkajs');
const mongoose = require('mongoose');

const [brokers, mongoUrl, clusterBrokers] = process.argv.slice(2);
const deadline = Date.now() + Number(process.env.INFRA_READY_TIMEOUT_MS ?? 120_000);

async function until(name, probe) {
  let lastError;
  while (Date.now() < deadline) {
    try {
      await probe();
      process.stderr.write(`infra: ${name} ready\n`);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`${name} not ready: ${lastError?.message ?? 'timeout'}`);
}

async function kafkaReady(list = brokers, expected = 1) {
  const admin = new Kafka({ brokers: list.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.controller === null) throw new Error('no controller yet');
    if (cluster.brokers.length < expected) throw new Error(`${cluster.brokers.length} of ${expected} brokers joined`);
  } finally {
    await admin.disconnect();
  }
}

async function ferretReady() {
  const connection = await mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 1000 }).asPromise();
  try {
    await connection.db.admin().ping();
  } finally {
    await connection.close();
  }
}

const cluster = clusterBrokers
  ? [until('Kafka cluster', () => kafkaReady(clusterBrokers, clusterBrokers.split(',').length))]
  : [];
Promise.all([until('Kafka', () => kafkaReady()), until('FerretDB', ferretReady), ...cluster]).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`infra: ${error.message}\n`);
    process.exit(1);
  },
);
