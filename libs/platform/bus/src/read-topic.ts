import { randomUUID } from 'node:crypto';
import { Bus, Delivery } from './port';

/**
 * Every message on a topic so far, read with a consumer group of its own (so it takes nothing from
 * the services), in order. Ends once the group has nothing left to read; rejects after `timeoutMs`.
 */
export async function readTopic(
  bus: Bus,
  topic: string,
  options: { readonly reader: string; readonly timeoutMs?: number },
): Promise<Delivery[]> {
  const groupId = `${options.reader}-${randomUUID()}`;
  const deliveries: Delivery[] = [];
  const subscription = await bus.subscribe({
    groupId,
    topics: [topic],
    handler: async (delivery) => void deliveries.push(delivery),
  });
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const lag = await bus.consumerLag(groupId, [topic]);
      if ((lag[topic] ?? 0) === 0) return deliveries;
      if (Date.now() > deadline)
        throw new Error(`Reading ${topic} did not finish within ${options.timeoutMs ?? 30_000} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await subscription.stop();
  }
}
