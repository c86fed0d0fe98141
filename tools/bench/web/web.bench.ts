/**
 * The web app in Debian's Chromium against the whole system as `npm start` runs it (gateway, identity
 * provider, services on the embedded defaults), with the browser cache off so every load fetches its
 * files. Measured in one run, each against a baseline from the same gateway in the same browser:
 * - the JavaScript the dashboard loads, gzipped, against the budget of 250 kB;
 * - time until the dashboard with 500 goals is usable (its `data-ready` mark) against the load of a
 *   static page (the accessibility statement) from the same gateway;
 * - the same for a goal page with 1,000 progress values.
 *   npm run bench:web   (BENCH_ROUNDS, BENCH_GOALS, BENCH_VALUES; CHROMIUM names the browser)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Page } from 'playwright-core';
import { launchBrowser, signIn } from '../../e2e/support/browser';
import { startSystem } from '../../e2e/support/system';
import { median, report } from '../stats';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5);
const GOALS = Number(process.env['BENCH_GOALS'] ?? 500);
const VALUES = Number(process.env['BENCH_VALUES'] ?? 1_000);
const BUDGET_BYTES = 250 * 1024;
const PORTS = { web: 3960, identity: 3969, goals: 3961, monitoring: 3962, ideas: 3963, planning: 3968 };
const STATIC_PAGE = '/barrierefreiheit.html';

type Call = (method: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

function goalBody(index: number) {
  return {
    title: `Lastmessung ${index}`,
    description: 'Ziel für die Messung der Oberfläche',
    stage: 'weiterbildung',
    regionKeys: ['03459'],
    parties: [{ id: 'vhs-osnabruecker-land', name: 'VHS Osnabrücker Land', role: 'responsible' }],
    baseline: { value: 0, date: '2023-01-01' },
    target: { value: 100, dueDate: '2030-12-31' },
    unit: 'Kurse',
    direction: 'higher',
  };
}

/** 500 goals (ten at a time) and one agreed goal with 1,000 progress values, one a day. */
async function seed(call: Call): Promise<string> {
  for (let start = 0; start < GOALS; start += 10)
    await Promise.all(
      Array.from({ length: Math.min(10, GOALS - start) }, (_, offset) =>
        call('POST', '/api/goals/goals', goalBody(start + offset)),
      ),
    );
  const goalId = (await call('POST', '/api/goals/goals', goalBody(GOALS)))['goalId'] as string;
  await call('POST', `/api/goals/goals/${goalId}/proposal`, {});
  await call('POST', `/api/goals/goals/${goalId}/consents`, { partyId: 'vhs-osnabruecker-land' });
  await call('POST', `/api/goals/goals/${goalId}/agreement`, { authority: 'Lastmessung', effectiveOn: '2023-01-01' });
  const first = Date.parse('2023-01-02T00:00:00Z');
  for (let day = 0; day < VALUES; day++)
    await call('POST', `/api/goals/goals/${goalId}/progress`, {
      value: Math.round((day / VALUES) * 1000) / 10,
      asOf: new Date(first + day * 86_400_000).toISOString().slice(0, 10),
    });
  return goalId;
}

/** Milliseconds from the start of navigation until the page's data is on screen. */
async function untilReady(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.locator('main[data-ready]').waitFor({ timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('data-ready').at(-1)?.startTime ?? Number.NaN);
}

/** Milliseconds from the start of navigation until the static page has loaded. */
async function untilLoaded(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return entry ? entry.loadEventEnd : Number.NaN;
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-web-'));
  const system = await startSystem(PORTS, dir);
  const browser = await launchBrowser();
  try {
    const token = await system.token({ role: 'coordinator', subject: 'bench' });
    const call: Call = async (method, path, body) => {
      const response = await fetch(`${system.origin}${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
      return json;
    };
    const goalId = await seed(call);

    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, system.origin, /^Bildungskoordination/);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    const scripts = new Map<string, number>();
    const collect = async (response: import('playwright-core').Response) => {
      if (response.request().resourceType() === 'script')
        scripts.set(response.url(), gzipSync(await response.body(), { level: 9 }).length);
    };
    page.on('response', (response) => void collect(response));
    await untilReady(page, `${system.origin}/`);
    await page.waitForLoadState('networkidle');
    page.removeAllListeners('response');
    const dashboardScript = [...scripts.values()].reduce((sum, bytes) => sum + bytes, 0);

    const staticPage: number[] = [];
    const dashboard: number[] = [];
    const goalPage: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      staticPage.push(await untilLoaded(page, `${system.origin}${STATIC_PAGE}`));
      dashboard.push(await untilReady(page, `${system.origin}/`));
      staticPage.push(await untilLoaded(page, `${system.origin}${STATIC_PAGE}`));
      goalPage.push(await untilReady(page, `${system.origin}/ziele/${goalId}`));
    }
    const baseline = median(staticPage);
    report(`Web app, ${ROUNDS} rounds, browser cache off (lower is better)`, [
      { name: `dashboard usable, ${GOALS} goals vs static page`, unit: 'ms', subject: median(dashboard), baseline },
      { name: `goal page usable, ${VALUES} values vs static page`, unit: 'ms', subject: median(goalPage), baseline },
    ]);
    const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
    process.stdout.write(
      `\nJavaScript the dashboard loads: ${kilobytes(dashboardScript)} gzipped in ${scripts.size} files ` +
        `(budget ${kilobytes(BUDGET_BYTES)}: ${dashboardScript <= BUDGET_BYTES ? 'within' : 'OVER'}, ratio ${(dashboardScript / BUDGET_BYTES).toFixed(3)})\n` +
        `Every round: static ${staticPage.map(Math.round).join(', ')} ms; dashboard ${dashboard.map(Math.round).join(', ')} ms; goal page ${goalPage.map(Math.round).join(', ')} ms\n`,
    );
    if (dashboardScript > BUDGET_BYTES) process.exitCode = 1;
  } finally {
    await browser.close();
    await system.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
