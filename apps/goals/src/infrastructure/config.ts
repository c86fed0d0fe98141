import { loadServiceConfig, ServiceConfig } from '@bildungsregion/http';

export type GoalsConfig = ServiceConfig;

/** The goals service's settings (see the README's configuration table); port 3001 by default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GoalsConfig {
  return loadServiceConfig({ name: 'goals', port: 3001 }, env);
}
