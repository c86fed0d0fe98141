import { randomUUID } from 'node:crypto';
import { NewEvent, NewEventMetadata } from '../../src';

export const coordinator = { id: 'user-koordination-1', role: 'coordinator' };

export function newEvent<Data>(
  type: string,
  data: Data,
  metadata: Partial<NewEventMetadata> = {},
  id: string = randomUUID(),
): NewEvent<Data> {
  return { id, type, data, metadata: { actor: coordinator, source: 'contract-test', ...metadata } };
}

/** A category of its own per test, so suites can share one long-lived store such as EventStoreDB. */
export function uniqueCategory(prefix = 'test'): string {
  return `${prefix}${randomUUID().replace(/-/g, '')}`;
}
