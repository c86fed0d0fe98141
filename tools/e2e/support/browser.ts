import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Debian's Chromium; nothing here downloads a browser. CHROMIUM names another binary. */
export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
/** Without its German locale (Debian's chromium-l10n) Chromium orders date fields MM/DD/YYYY. */
const GERMAN_LOCALE = '/usr/lib/chromium/locales/de.pak';
export const hasChromium = existsSync(CHROMIUM) && (process.env['CHROMIUM'] !== undefined || existsSync(GERMAN_LOCALE));
/** Why the browser suites cannot run here. */
export const CHROMIUM_MISSING = `no Chromium with its German locale at ${CHROMIUM}; apt-get install chromium chromium-l10n`;

const SCREENSHOTS = join(__dirname, '..', '..', '..', 'dist', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root needs --no-sandbox; the rest keep Chromium from calling hosts this network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=de-DE',
    ],
    // Date fields take the German order (TT.MM.JJJJ) as in the office's browsers; on Linux Chromium
    // reads it from the environment, not from --lang or the page's locale.
    env: { ...process.env, LANG: 'de_DE.UTF-8', LANGUAGE: 'de' },
  });
}

/** Signs in at the development provider as one of its accounts and waits until the app shows who it is. */
export async function signIn(page: Page, origin: string, accountLabel: RegExp, path = '/'): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByRole('heading', { name: 'Anmeldung bei der Bildungsregion' }).waitFor();
  await page.getByRole('radio', { name: accountLabel }).check();
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByTestId('signed-in-as').waitFor();
}

/** The WCAG 2.1 AA violations axe finds on the page as it is now, by rule and element. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`),
  );
}

/** Saves the whole page under dist/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Saves the page as a screenshot and expects axe to find no WCAG 2.1 AA violation on it. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect([name, await accessibilityViolations(page)]).toEqual([name, []]);
}

/** A new tab whose uncaught script errors fail the test. */
export async function openPage(context: BrowserContext): Promise<Page> {
  const opened = await context.newPage();
  opened.on('pageerror', (error) => {
    throw error;
  });
  return opened;
}
