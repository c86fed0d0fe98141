import 'reflect-metadata';
import { createMonitoringApp } from './app';
import { loadConfig } from './infrastructure/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createMonitoringApp(config);
  await app.listen(config.port, '0.0.0.0');
}

main().catch((error: unknown) => {
  process.stderr.write(`monitoring failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
