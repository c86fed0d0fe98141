import { Topics } from '@bildungsregion/contracts';
import { SERVICES } from '@bildungsregion/service-runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceAppDirectories } from '../support/service-apps';
import { parse } from 'yaml';

/** The files that cannot read the service registry, checked against it. */
const root = join(__dirname, '..', '..');
const registered = Object.values(SERVICES);

interface ComposeService {
  readonly environment?: Record<string, string>;
  readonly ports?: readonly string[];
  readonly healthcheck?: { readonly test: readonly string[] };
}

describe('the service registry', () => {
  it('lists every service in apps/', () => {
    expect(serviceAppDirectories(root).filter((name) => !(name in SERVICES))).toEqual([]);
  });

  it('gives each service its own port and its own topic, and the contracts publish the same topics', () => {
    expect(new Set(registered.map((service) => service.port)).size).toBe(registered.length);
    expect(registered.map((service) => service.topic).sort()).toEqual(Object.values(Topics).sort());
    for (const service of registered)
      expect([service.name, service.topic]).toEqual([service.name, Topics[service.name as keyof typeof Topics]]);
  });

  it('matches the lint configuration, so every registered service is kept from importing another', () => {
    const config = readFileSync(join(root, 'eslint.config.mjs'), 'utf8');
    const listed = /const services = \[([^\]]*)\]/
      .exec(config)?.[1]
      ?.match(/'([a-z-]+)'/g)
      ?.map((quoted) => quoted.slice(1, -1));
    expect(listed?.sort()).toEqual(Object.keys(SERVICES).sort());
  });

  it('matches docker-compose.yml: each service there listens on its registered port', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    const inCompose = registered.filter((service) => compose.services[service.name]);
    expect(inCompose.length).toBeGreaterThan(0);
    for (const service of inCompose) {
      const entry = compose.services[service.name] as ComposeService;
      const port = String(service.port);
      expect([service.name, entry.environment?.['PORT'], entry.ports]).toEqual([
        service.name,
        port,
        [`${port}:${port}`],
      ]);
      expect([service.name, entry.healthcheck?.test.join(' ')]).toEqual([
        service.name,
        expect.stringContaining(`localhost:${port}/health`),
      ]);
    }
  });
});
