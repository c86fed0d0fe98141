import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

/** Starts the fixture service the way `main.ts` starts a service, and stops it with SIGTERM once it listens. */
async function startAndStop(env: { SHUTDOWN_HOOK_MS: number; STOP_TIMEOUT_MS: number; PORT: number }) {
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      join(__dirname, 'fixtures', 'slow-to-stop-service.ts'),
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'),
        SHUTDOWN_HOOK_MS: String(env.SHUTDOWN_HOOK_MS),
        STOP_TIMEOUT_MS: String(env.STOP_TIMEOUT_MS),
        PORT: String(env.PORT),
      },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited before it listened: ${stderr}`);
    if (
      await fetch(`http://127.0.0.1:${env.PORT}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const stoppingSince = Date.now();
  child.kill('SIGTERM');
  const [code, signal] = await exited;
  return { code, signal, stderr, tookMs: Date.now() - stoppingSince };
}

describe('stopping a service on SIGTERM', () => {
  it('exits by the signal once its shutdown hooks finished within the stop timeout', async () => {
    const stopped = await startAndStop({ SHUTDOWN_HOOK_MS: 300, STOP_TIMEOUT_MS: 20_000, PORT: 3998 });

    expect(stopped).toMatchObject({ code: null, signal: 'SIGTERM', stderr: '' });
    expect(stopped.tookMs).toBeGreaterThanOrEqual(300);
  }, 60_000);

  it('exits with 1 at the stop timeout, naming what it was still doing, when a shutdown hook hangs', async () => {
    const stopped = await startAndStop({ SHUTDOWN_HOOK_MS: 120_000, STOP_TIMEOUT_MS: 1_500, PORT: 3999 });

    expect(stopped).toMatchObject({ code: 1, signal: null });
    expect(stopped.stderr).toContain(
      'stopping took longer than 1500 ms, still stopping the leased work, the consumers and the stores',
    );
    expect(stopped.tookMs).toBeGreaterThanOrEqual(1_500);
    expect(stopped.tookMs).toBeLessThan(30_000);
  }, 60_000);
});
