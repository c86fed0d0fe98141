import { SERVICES } from '@bildungsregion/service-runtime';
import { describeIf, eventually, useTempDir } from '@bildungsregion/testing';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { CHROMIUM_MISSING, hasChromium, launchBrowser, screenshot, signIn } from './support/browser';
import { RunningSystem, startSystem } from './support/system';

const root = join(__dirname, '..', '..');
const NGINX_ORIGIN = 'http://localhost:8080';
const hasNginx = spawnSync('nginx', ['-v']).status === 0;

/**
 * The production reverse-proxy configuration (infra/nginx/nginx.conf with the loopback upstreams) in
 * front of the services on their registry ports: a person signs in and works through nginx alone.
 */
describeIf(
  hasNginx && hasChromium,
  'nginx',
  'the web app behind nginx',
  'the web app behind nginx',
  hasNginx ? CHROMIUM_MISSING : 'nginx is not installed (apt-get install nginx)',
  () => {
    const dir = useTempDir();
    let system: RunningSystem;
    let nginx: ChildProcess;
    let browser: Browser;

    beforeAll(async () => {
      system = await startSystem(
        {
          web: 3970,
          identity: 3009,
          goals: SERVICES.goals.port,
          monitoring: SERVICES.monitoring.port,
          ideas: SERVICES.ideas.port,
          planning: SERVICES.planning.port,
        },
        join(dir(), 'data'),
        NGINX_ORIGIN,
      );
      const prefix = join(dir(), 'nginx');
      mkdirSync(join(prefix, 'tmp'), { recursive: true });
      copyFileSync(join(root, 'infra', 'nginx', 'nginx.conf'), join(prefix, 'nginx.conf'));
      copyFileSync(join(root, 'infra', 'nginx', 'upstreams.loopback.conf'), join(prefix, 'upstreams.conf'));
      // Run as root, nginx's workers drop to an unprivileged user: they read a copy in a readable folder.
      cpSync(join(root, 'dist', 'apps', 'web'), join(prefix, 'html'), { recursive: true });
      chmodSync(dir(), 0o755);
      let stderr = '';
      nginx = spawn('nginx', ['-c', join(prefix, 'nginx.conf'), '-p', `${prefix}/`, '-g', 'daemon off;'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await eventually(
        async () => (await fetch(`${NGINX_ORIGIN}/`).catch(() => undefined))?.ok === true,
        30_000,
        () => `nginx did not answer: ${stderr}`,
      );
      browser = await launchBrowser();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((resolve) => nginx.once('exit', resolve));
        nginx.kill('SIGQUIT');
        await exited;
      }
      await system?.stop();
    });

    it('serves the app with cache headers, and refuses an unknown service', async () => {
      const index = await fetch(`${NGINX_ORIGIN}/ziele`);
      expect([index.status, index.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
      const asset = await fetch(`${NGINX_ORIGIN}${script}`);
      expect([asset.status, asset.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
      const unknown = await fetch(`${NGINX_ORIGIN}/api/nothing/here`);
      expect([unknown.status, ((await unknown.json()) as { code: string }).code]).toEqual([404, 'unknown-service']);
    });

    it('signs a coordinator in and records a step on a goal, through nginx alone', async () => {
      const context = await browser.newContext({ locale: 'de-DE' });
      const page = await context.newPage();
      const hosts = new Set<string>();
      page.on('request', (request) => hosts.add(new URL(request.url()).host));
      await signIn(page, NGINX_ORIGIN, /^Bildungskoordination/, '/ziele?q=Betreuungsquote');
      await page.getByRole('link', { name: /Betreuungsquote/ }).click();
      await page.locator('summary', { hasText: 'Meilenstein hinzufügen' }).click();
      await page
        .locator('details[open]')
        .getByLabel(/^Datum/)
        .fill('2028-12-31');
      await page.locator('details[open]').getByLabel(/^Wert/).fill('42');
      await page.getByRole('button', { name: 'Meilenstein hinzufügen', exact: true }).click();
      await page.getByText('Der Meilenstein wurde hinzugefügt.').waitFor();
      await screenshot(page, 'nginx-ziel');
      expect([...hosts]).toEqual(['localhost:8080']);
      await context.close();
    }, 120_000);
  },
);
