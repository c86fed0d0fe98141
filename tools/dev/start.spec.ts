import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { eventually, useTempDir } from '@bildungsregion/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const PORT = 3951;
const MONITORING_PORT = 3952;

/** `npm start` as a newcomer runs it: every service up on the embedded defaults, sample data seeded once. */
describe('npm start', () => {
  const dir = useTempDir();

  async function start(): Promise<{ stop(): Promise<number | null> }> {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, 'start.ts')],
      {
        cwd: join(__dirname, '..', '..'),
        stdio: 'ignore',
        env: {
          ...process.env,
          TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'),
          GOALS_PORT: String(PORT),
          MONITORING_PORT: String(MONITORING_PORT),
          DATA_DIR: dir(),
          LOG_LEVEL: 'warn',
        },
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (const port of [PORT, MONITORING_PORT])
      await eventually(
        async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok === true,
        60_000,
      );
    return {
      stop: () => {
        child.kill('SIGINT');
        return exited;
      },
    };
  }

  async function goals(): Promise<{ title: string; synthetic: boolean; status: string }[]> {
    const token = await issueToken(DEVELOPMENT_SECRET, { role: 'auditor' });
    const response = await fetch(`http://127.0.0.1:${PORT}/goals?sort=title`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { items: { title: string; synthetic: boolean; status: string }[] }).items;
  }

  async function measurementsOfBramsche(): Promise<{ value: number; synthetic: boolean }[]> {
    const token = await issueToken(DEVELOPMENT_SECRET, { role: 'actor', actorId: 'stadt-bramsche' });
    const response = await fetch(
      `http://127.0.0.1:${MONITORING_PORT}/indicators/betreuungsquote-u3/series?region=03459014`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    return ((await response.json()) as { points: { value: number; synthetic: boolean }[] }).points;
  }

  it('serves synthetic sample goals and measurements, seeded once, and stops gracefully', async () => {
    const first = await start();
    await eventually(async () => (await goals()).length === 4, 20_000);
    const seeded = await goals();
    expect(seeded.every((goal) => goal.synthetic && goal.title.startsWith('[Synthetische Beispieldaten]'))).toBe(true);
    expect(seeded.map((goal) => goal.status).sort()).toEqual(['agreed', 'agreed', 'draft', 'proposed']);
    await eventually(async () => (await measurementsOfBramsche()).length === 3, 20_000);
    expect((await measurementsOfBramsche()).every((point) => point.synthetic)).toBe(true);
    expect(await first.stop()).toBe(0);

    const second = await start();
    const token = await issueToken(DEVELOPMENT_SECRET, { role: 'auditor' });
    const audit = await fetch(`http://127.0.0.1:${PORT}/audit`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await audit.json()).toMatchObject({ valid: true, streamsChecked: 4 });
    await eventually(async () => (await measurementsOfBramsche()).length === 3, 20_000);
    expect(await second.stop()).toBe(0);
  });
});
