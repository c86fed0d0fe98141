import 'reflect-metadata';
import { createGoalsApp } from './app';
import { loadConfig } from './infrastructure/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createGoalsApp(config);
  await app.listen(config.port, '0.0.0.0');
}

main().catch((error: unknown) => {
  process.stderr.write(`goals failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
