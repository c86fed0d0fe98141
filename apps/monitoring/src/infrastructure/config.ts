import { loadServiceConfig, ServiceConfig } from '@bildungsregion/http';

export type MonitoringConfig = ServiceConfig;

/** The monitoring service's settings (see the README's configuration table); port 3002 by default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): MonitoringConfig {
  return loadServiceConfig({ name: 'monitoring', port: 3002 }, env);
}
