import { randomUUID } from 'node:crypto';
import { NewEvent, NewEventMetadata } from '../../src';

export const coordinator = { id: 'user-koordination-1', role: 'coordinator' };

export function newEvent<Data>(type: string, data: Data, metadata: Partial<NewEventMetadata> = {}, id: string = randomUUID()): NewEvent<Data> {
  return { id, type, data, metadata: { actor: coordinator, source: 'contract-test', ...metadata } };
}

/** A category of its own per test, so suites can share one long-lived store such as EventStoreDB. */
export function uniqueCategory(prefix = 'test'): string {
  return `${prefix}${randomUUID().replace(/-/g, '')}`;
}

export function eventually(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`condition not met within ${timeoutMs} ms`));
      setTimeout(check, 10);
    };
    check();
  });
}
