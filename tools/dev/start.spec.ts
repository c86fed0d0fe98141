import { TokenRequest } from '@bildungsregion/http';
import { eventually, useTempDir } from '@bildungsregion/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadOrCreateIdentityKeys, signWithIdentityKey } from './identity/signing-key';

const PORT = 3951;
const MONITORING_PORT = 3952;
const WEB_PORT = 3950;
const IDENTITY_PORT = 3959;
const ORIGIN = `http://localhost:${WEB_PORT}`;

/** `npm start` as a newcomer runs it: every service up on the embedded defaults, sample data seeded once. */
describe('npm start', () => {
  const dir = useTempDir();
  // Tokens as the development provider signs them; the services check them against its JWKS.
  const issueToken = async (request: TokenRequest) =>
    signWithIdentityKey(await loadOrCreateIdentityKeys(dir()), request, `${ORIGIN}/auth`);

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
          WEB_PORT: String(WEB_PORT),
          IDENTITY_PORT: String(IDENTITY_PORT),
          JWT_SECRET: '',
          DATA_DIR: dir(),
          LOG_LEVEL: 'warn',
        },
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    for (const url of [
      `http://127.0.0.1:${PORT}/health`,
      `http://127.0.0.1:${MONITORING_PORT}/health`,
      `${ORIGIN}/auth/jwks`,
      `${ORIGIN}/`,
    ])
      await eventually(async () => (await fetch(url).catch(() => undefined))?.ok === true, 180_000);
    return {
      stop: () => {
        child.kill('SIGINT');
        return exited;
      },
    };
  }

  async function goals(): Promise<{ title: string; synthetic: boolean; status: string }[]> {
    const token = await issueToken({ role: 'auditor' });
    const response = await fetch(`http://127.0.0.1:${PORT}/goals?sort=title`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    return ((await response.json()) as { items: { title: string; synthetic: boolean; status: string }[] }).items;
  }

  async function measurementsOfBramsche(): Promise<{ value: number; synthetic: boolean }[]> {
    const token = await issueToken({ role: 'actor', actorId: 'stadt-bramsche' });
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
    const token = await issueToken({ role: 'auditor' });
    const audit = await fetch(`http://127.0.0.1:${PORT}/audit`, { headers: { Authorization: `Bearer ${token}` } });
    expect(await audit.json()).toMatchObject({ valid: true, streamsChecked: 4 });
    await eventually(async () => (await measurementsOfBramsche()).length === 3, 20_000);
    expect(await second.stop()).toBe(0);
  }, 400_000);

  it('serves the web app, the services and the provider at one origin, and refuses what it does not know', async () => {
    const system = await start();
    try {
      const page = await fetch(`${ORIGIN}/ziele?status=agreed`);
      expect([page.status, page.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      expect(await page.text()).toContain('<div id="root"></div>');
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await (await fetch(`${ORIGIN}/`)).text())?.[1];
      const asset = await fetch(`${ORIGIN}${script}`);
      expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
      expect((await fetch(`${ORIGIN}/licences/kern-ux-EUPL-1.2.md`)).status).toBe(200);
      const token = await issueToken({ role: 'auditor' });
      const goals = await fetch(`${ORIGIN}/api/goals/goals`, { headers: { Authorization: `Bearer ${token}` } });
      expect(goals.status).toBe(200);
      const forged = await fetch(`${ORIGIN}/api/goals/goals`, { headers: { Authorization: 'Bearer x.y.z' } });
      expect(forged.status).toBe(401);
      const discovery = (await (await fetch(`${ORIGIN}/auth/.well-known/openid-configuration`)).json()) as {
        issuer: string;
        authorization_endpoint: string;
      };
      expect(discovery).toMatchObject({ issuer: `${ORIGIN}/auth`, authorization_endpoint: `${ORIGIN}/auth/auth` });
      const unknown = await fetch(`${ORIGIN}/api/nothing/here`);
      expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'unknown-service']);
      expect((await fetch(`${ORIGIN}/assets/missing.js`)).status).toBe(404);
    } finally {
      expect(await system.stop()).toBe(0);
    }
  }, 300_000);
});
