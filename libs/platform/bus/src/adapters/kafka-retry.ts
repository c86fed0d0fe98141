import { KafkaJSError } from 'kafkajs';

/**
 * kafkajs gives up on some errors it marks retriable itself, e.g. "not the leader" while a partition
 * just created or moved is still loading; those are asked again until a deadline.
 */
export async function whileRetriable<T>(action: () => Promise<T>, deadlineMs = 10_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let pause = 50; ; pause = Math.min(pause * 2, 1_000)) {
    try {
      return await action();
    } catch (error) {
      if (!(error instanceof KafkaJSError && error.retriable) || Date.now() + pause > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
