// Waits until Kafka answers a metadata request and FerretDB answers a ping; exits 1 after the deadline.
const { Kafka, logLevel } = require('kafkajs');
const mongoose = require('mongoose');

const [brokers, mongoUrl] = process.argv.slice(2);
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

async function kafkaReady() {
  const admin = new Kafka({ brokers: brokers.split(','), logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0 || cluster.controller === null) throw new Error('no controller yet');
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

Promise.all([until('Kafka', kafkaReady), until('FerretDB', ferretReady)]).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`infra: ${error.message}\n`);
    process.exit(1);
  },
);
