/// <reference lib="dom" />
import { describeIf, eventually, useTempDir } from '@bildungsregion/testing';
import { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_MISSING, expectAccessible, hasChromium, launchBrowser, openPage, signIn } from './support/browser';
import { tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3910, identity: 3915, goals: 3911, monitoring: 3912, ideas: 3913, planning: 3914 };
const COORDINATOR = /^Bildungskoordination/;
const TITLE = 'Dritte Krippengruppe in der Kita Am Kanal';

/** The coming Kita year, from 1 August, as the plan counts it and labels it (2027/28). */
function comingKitaYear() {
  const today = new Date();
  const year = today.getMonth() >= 7 ? today.getFullYear() + 1 : today.getFullYear();
  return { year, label: `${year}/${String((year + 1) % 100).padStart(2, '0')}` };
}

/**
 * Maßnahmen in Debian's Chromium, on the sample data: Bramsche lacks Krippe places; the coordinator
 * plans a new group for the coming Kita year, records the council's decision and sees the gap close,
 * the plan mark the year and the goal list the measure.
 */
describeIf(
  hasChromium,
  'browser',
  'the Maßnahmen screens in a browser',
  'the Maßnahmen screens in a browser',
  CHROMIUM_MISSING,
  () => {
    const dir = useTempDir();
    let system: RunningSystem;
    let browser: Browser;
    let context: BrowserContext;

    beforeAll(async () => {
      system = await startSystem(PORTS, dir());
      browser = await launchBrowser();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
      await system?.stop();
    });

    beforeEach(async () => {
      context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 900 } });
    });

    afterEach(async () => {
      await context.close();
    });

    it('plans a measure, approves it and sees the gap close, with the keyboard and on a phone', async () => {
      const coming = comingKitaYear();
      const page = await openPage(context);
      await signIn(page, system.origin, COORDINATOR, '/massnahmen?regionKey=03459014');
      await page.getByRole('heading', { name: 'Maßnahmen', level: 1 }).waitFor();
      // The gap watch finds Bramsche's Krippe gap once monitoring's sample population has arrived.
      const gapRow = page
        .getByTestId('gaps')
        .getByRole('row')
        .filter({ hasText: 'Krippe' })
        .filter({ hasText: coming.label });
      await gapRow.waitFor({ timeout: 60_000 });
      const balance = /−(\d+)/.exec((await gapRow.textContent()) ?? '');
      expect(balance).not.toBeNull();
      const missing = Number(balance?.[1]);
      await expectAccessible(page, 'massnahmen');

      await page.locator('summary', { hasText: 'Maßnahme planen' }).click();
      const form = page.getByRole('form', { name: 'Maßnahme planen' });
      await form.getByRole('button', { name: 'Maßnahme planen' }).click();
      // Without a title and a Gemeinde the service refuses, and the form says which fields are wrong.
      await form
        .getByLabel(/^Titel/)
        .and(form.locator('[aria-invalid="true"]'))
        .waitFor();
      await form.getByLabel(/^Titel/).fill(TITLE);
      await form.getByLabel(/^Beschreibung/).fill('Umbau des Bewegungsraums zu einem Gruppenraum.');
      await form.getByLabel(/^Gemeinde/).selectOption({ label: 'Bramsche' });
      const institution = form.getByLabel(/^Einrichtung/);
      await institution.locator('option', { hasText: 'Kita Am Kanal' }).waitFor({ state: 'attached' });
      await institution.selectOption({
        label: (await institution.locator('option', { hasText: 'Kita Am Kanal' }).textContent()) ?? '',
      });
      await form.getByLabel(/^Bereich/).selectOption({ label: 'Krippe' });
      await form.getByLabel(/^Zusätzliche Plätze/).fill(String(missing + 5));
      await form.getByLabel(/^wirksam ab/).fill(`${coming.year}-08-01`);
      await form.getByLabel(/^Investitionskosten/).fill('250.000');
      await form.getByRole('checkbox', { name: /Betreuungsquote unter 3 Jahren/ }).check();
      await form.getByRole('button', { name: 'Maßnahme planen' }).click();

      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
      const measurePath = new URL(page.url()).pathname;
      await page.getByText('geplant', { exact: true }).waitFor();
      await page.getByText(/zählt sie erst nach dem Beschluss/).waitFor();
      await page.getByTestId(`with-measure-${coming.year}`).getByText('+5').waitFor();
      await expectAccessible(page, 'massnahme-geplant');

      await page.locator('summary', { hasText: 'Beschluss erfassen' }).click();
      const approval = page.getByRole('form', { name: 'Beschluss erfassen' });
      await approval.getByLabel(/^Beschluss/).fill('Rat der Stadt Bramsche, Beschluss 2026/112');
      await approval.getByRole('button', { name: 'Beschluss erfassen' }).click();
      await page.getByText('Der Beschluss ist erfasst.').waitFor();
      await page.getByText('beschlossen', { exact: true }).waitFor();
      await page.getByText('Die Planung zählt sie.').waitFor();
      await expectAccessible(page, 'massnahme-beschlossen');

      await page.goto(`${system.origin}/massnahmen?regionKey=03459014`);
      await page.getByRole('link', { name: TITLE }).waitFor();
      await eventually(async () => (await gapRow.count()) === 0, 30_000);

      await page.goto(`${system.origin}/kapazitaetsplanung`);
      const bramsche = page
        .getByTestId('capacity-plan')
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'Bramsche' }) });
      await bramsche.getByText('+ Maßnahme').waitFor({ timeout: 30_000 });

      // Goals learns of the measure from planning's events; the goal page shows it once it has.
      await page.goto(`${system.origin}/ziele`);
      await page.getByRole('link', { name: /Betreuungsquote unter 3 Jahren/ }).click();
      await page.getByRole('heading', { name: 'Maßnahmen', level: 2 }).waitFor();
      const goalPath = new URL(page.url()).pathname;
      await eventually(async () => {
        await page.goto(`${system.origin}${goalPath}`);
        await page.getByRole('heading', { name: 'Maßnahmen', level: 2 }).waitFor();
        await page
          .getByText(/Noch dient keine Maßnahme|beschlossen/)
          .first()
          .waitFor();
        return (await page.getByTestId('goal-measures').getByRole('link', { name: TITLE }).count()) === 1;
      }, 30_000);
      await expectAccessible(page, 'ziel-mit-massnahme');

      await page.goto(`${system.origin}/massnahmen?regionKey=03459014`);
      await page.getByTestId('measures').getByRole('link', { name: TITLE }).waitFor();
      await tabTo(page, (element) => element.text === TITLE);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

      const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      try {
        const small = await openPage(phone);
        await signIn(small, system.origin, COORDINATOR, measurePath);
        await small.getByTestId('measure-effect').waitFor();
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectAccessible(small, 'massnahme-390');
      } finally {
        await phone.close();
      }
    });
  },
);
