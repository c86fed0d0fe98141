import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from '@bildungsregion/contracts';

/** What the rest of the system needs to know of a service: where it listens and what it publishes. */
export interface ServiceEntry {
  readonly name: string;
  /** Default HTTP port; `<NAME>_PORT` under `npm start`, `PORT` for the service itself. */
  readonly port: number;
  /** The topic its relay publishes its public events to. */
  readonly topic: string;
  /** The Kafka consumer group (and SQLite bus group) it consumes other services' topics with. */
  readonly consumerGroup: string;
  readonly title: string;
  readonly description: string;
}

const entry = (name: string, port: number, topic: string, title: string, description: string): ServiceEntry => ({
  name,
  port,
  topic,
  consumerGroup: name,
  title,
  description,
});

/**
 * Every service of the system, planned or built. `npm start`, the service configuration, the system
 * tests and the docs read this list; files that cannot (docker-compose.yml, the lint configuration)
 * are checked against it by tests.
 */
export const SERVICES = {
  goals: entry(
    'goals',
    3001,
    Topics.goals,
    'Bildungsregion goals',
    'Zielabstimmung und Zielkontrolle: target agreements, progress control and audit replay.',
  ),
  monitoring: entry(
    'monitoring',
    3002,
    Topics.monitoring,
    'Bildungsregion monitoring',
    'Bildungsmonitoring: indicator catalogue, measurements, imports, comparisons and data releases.',
  ),
  ideas: entry(
    'ideas',
    3003,
    Topics.ideas,
    'Bildungsregion ideas',
    'Ideen entwickeln und bündeln: ideas, bundles, evaluation and promotion.',
  ),
  planning: entry(
    'planning',
    3004,
    Topics.planning,
    'Bildungsregion planning',
    'Bildungseinrichtungen, Angebote und Akteure: actors, institutions, capacity planning and measures.',
  ),
} as const satisfies Record<string, ServiceEntry>;

export type ServiceName = keyof typeof SERVICES;

export function serviceEntry(name: string): ServiceEntry {
  const found = (SERVICES as Record<string, ServiceEntry>)[name];
  if (!found)
    throw new Error(`There is no service ${name} in the registry (libs/platform/service-runtime/src/registry.ts).`);
  return found;
}

/** The registered services whose code exists under `<root>/apps` so far, in registry order. */
export function builtServices(root: string): ServiceName[] {
  return (Object.keys(SERVICES) as ServiceName[]).filter((name) =>
    existsSync(join(root, 'apps', name, 'src', 'main.ts')),
  );
}
