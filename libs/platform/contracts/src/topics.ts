/** One topic per publishing service; the version changes only with an incompatible change of the topic's contracts. */
export const Topics = {
  goals: 'bildung.goals.v1',
  monitoring: 'bildung.monitoring.v1',
  ideas: 'bildung.ideas.v1',
  planning: 'bildung.planning.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Where messages that cannot be handled end up, with the error attached. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Where a service publishes the seals of its event store, outside the store's trust domain. */
export function sealTopicOf(service: string): string {
  return `bildung.${service}.seals.v1`;
}
