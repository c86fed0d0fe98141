import { describeWith, ferretDbForTests } from '@bildungsregion/testing';
import { randomUUID } from 'node:crypto';
import { InMemoryReadModelStore, MongooseReadModelStore } from '../src';
import { readModelContract } from './contract/read-model.contract';

describe('in-memory read models', () => {
  readModelContract({ create: async () => new InMemoryReadModelStore() });
});

describeWith(ferretDbForTests(), 'mongoose read models', (url) => {
  readModelContract({
    create: () => MongooseReadModelStore.connect(url, { dbName: `contract_${randomUUID().slice(0, 8)}` }),
  });
});
