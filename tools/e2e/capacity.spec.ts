/// <reference lib="dom" />
import { describeIf, eventually, useTempDir } from '@bildungsregion/testing';
import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_MISSING, expectAccessible, hasChromium, launchBrowser, openPage, signIn } from './support/browser';
import { tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3990, identity: 3995, goals: 3991, monitoring: 3992, ideas: 3993, planning: 3994 };
const COORDINATOR = /^Bildungskoordination/;
const VARIANT = 'Neubaugebiet Bramsche-Achmer';

async function downloaded(page: Page, click: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await download.path()) as string, 'utf8');
}

/**
 * The capacity plan in Debian's Chromium, on the sample data: monitoring's synthetic population by
 * age reaches planning over the bus, the coordinator reads the balance per municipality, compares
 * the building-area scenario with the status quo, exports both and the § 21 NKiTaG figures.
 */
describeIf(
  hasChromium,
  'browser',
  'the Kapazitätsplanung screens in a browser',
  'the Kapazitätsplanung screens in a browser',
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
      context = await browser.newContext({
        locale: 'de-DE',
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
    });

    afterEach(async () => {
      await context.close();
    });

    it('shows the balance per municipality, compares two scenarios and exports them and the § 21 figures', async () => {
      const page = await openPage(context);
      await signIn(page, system.origin, COORDINATOR, '/kapazitaetsplanung');
      await page.getByRole('heading', { name: 'Kapazitätsplanung', level: 1 }).waitFor();
      const plan = page.getByTestId('capacity-plan');
      // The population reaches planning from monitoring's sample data over the bus.
      await eventually(async () => (await plan.getByRole('link', { name: 'Bramsche' }).count()) === 1, 60_000);
      const bramsche = plan.getByRole('row').filter({ has: page.getByRole('link', { name: 'Bramsche' }) });
      await bramsche
        .getByText(/Unterdeckung/)
        .first()
        .waitFor();
      await expectAccessible(page, 'kapazitaetsplanung');

      const planCsv = await downloaded(page, () =>
        page.getByRole('button', { name: 'Plan als CSV exportieren' }).click(),
      );
      expect(planCsv.split('\n')[0]).toContain('AGS,Gemeinde,Stufe,Jahr,Kinder,Quote %,Bedarf,Platzangebot,Saldo');
      expect(planCsv).toMatch(/03459014,Bramsche,Krippe,2027\/28,[\d.]+,[\d.]+,\d+,240,-\d+/);
      const nkitag = await downloaded(page, () =>
        page.getByRole('button', { name: /§ 21 NKiTaG exportieren/ }).click(),
      );
      expect(nkitag.split('\n')[0]).toContain('AGS,Gemeinde,Ortslage,Stichtag,Altersgruppe,genehmigte Plätze');
      expect(nkitag).toContain('03459014,Bramsche,Achmer,');

      await plan.getByRole('link', { name: 'Bramsche' }).click();
      await page.getByRole('heading', { name: 'Bramsche: Krippe', level: 1 }).waitFor();
      await page.getByRole('img', { name: /Bedarf und Platzangebot Krippe in Bramsche/ }).waitFor();
      await page
        .getByTestId('municipality-plan')
        .getByText(/Quote gemessen \(2025\)/)
        .first()
        .waitFor();
      await expectAccessible(page, 'kapazitaet-gemeinde');

      await page.goto(`${system.origin}/kapazitaetsplanung/szenarien`);
      await page.getByRole('heading', { name: 'Szenarien', level: 1 }).waitFor();
      await page.getByText('Wählen Sie mindestens zwei Szenarien.').waitFor();
      // The choice lives in the address; the box is checked once the page has followed it.
      await page.getByRole('checkbox', { name: VARIANT }).click();
      await page.waitForURL(/vergleich=status-quo%2C/);
      await page
        .getByRole('form', { name: 'Vergleich' })
        .getByLabel(/^Gemeinde/)
        .selectOption({ label: 'Bramsche' });
      await page.getByRole('heading', { name: new RegExp(VARIANT), level: 2 }).waitFor();
      await page.getByText(/Neubaugebiet Achmer-West \(Bramsche\): 220 Kinder ab 2028\/29/).waitFor();
      const comparison = page.getByTestId('scenario-comparison');
      const year = comparison.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2028/29' }) });
      // 220 children under eleven, 20 per age: 60 more in Krippe age, about a third of them with a place.
      await year.getByText(/\(−\d+\)/).waitFor();
      await expectAccessible(page, 'szenarienvergleich');
      const compared = await downloaded(page, () =>
        page.getByRole('button', { name: 'Vergleich als CSV exportieren' }).click(),
      );
      expect(compared.split('\n')[0]).toContain(`Differenz Saldo ${VARIANT} (Version 1)`);
      expect(compared).toContain('03459014,Bramsche,Krippe,2028/29');

      const card = page.getByRole('article', { name: new RegExp(VARIANT) });
      await card.locator('summary', { hasText: 'Szenario archivieren' }).click();
      await card.getByRole('button', { name: 'Szenario archivieren' }).click();
      // Without a reason the service refuses, and the form says which field is missing.
      await card
        .getByLabel(/^Begründung/)
        .and(card.locator('[aria-invalid="true"]'))
        .waitFor();
      await page.getByRole('checkbox', { name: VARIANT }).waitFor();
      await card.getByLabel(/^Begründung/).fill('Das Baugebiet wird nicht ausgewiesen.');
      await card.getByRole('button', { name: 'Szenario archivieren' }).click();
      await page.getByText(`Das Szenario „${VARIANT}“ wurde archiviert.`).waitFor();
      await page.getByRole('checkbox', { name: VARIANT }).waitFor({ state: 'detached' });
      expect(new URL(page.url()).searchParams.get('vergleich')).toBe('status-quo');
    });

    it('registers an institution whose places reach the plan, with the keyboard alone and on a phone', async () => {
      const page = await openPage(context);
      await signIn(page, system.origin, COORDINATOR, '/einrichtungen?regionKey=03459012');
      await page.getByRole('heading', { name: 'Einrichtungen', level: 1 }).waitFor();
      await page.getByTestId('institution-count').getByText('1 Einrichtung').waitFor();
      await page.locator('summary', { hasText: 'Einrichtung erfassen' }).click();
      const form = page.getByRole('form', { name: 'Einrichtung erfassen' });
      await form.getByLabel(/^Name/).fill('Kita Am Sonnenhang');
      await form.getByLabel(/^Art/).selectOption({ label: 'Kita (mehrere Altersgruppen)' });
      await form.getByLabel(/^Gemeinde/).selectOption({ label: 'Bissendorf' });
      await form.getByLabel(/^Träger/).selectOption({ label: 'Verbund der Kita-Träger (synthetisch)' });
      await form.getByRole('button', { name: 'Einrichtung erfassen' }).click();
      await page.getByText('Die Einrichtung wurde erfasst.').waitFor();
      await page.getByRole('link', { name: 'Kita Am Sonnenhang' }).click();
      await page.getByRole('heading', { name: 'Kita Am Sonnenhang', level: 1 }).waitFor();
      const institutionPath = new URL(page.url()).pathname;
      await page.locator('summary', { hasText: 'Kapazität ändern' }).click();
      const capacity = page.getByRole('form', { name: 'Kapazität ändern' });
      await capacity.getByLabel(/^gilt ab/).fill('2026-08-01');
      await capacity
        .getByRole('group', { name: 'Krippe' })
        .getByLabel(/^genehmigte Plätze/)
        .fill('30');
      await capacity.getByLabel(/^Begründung/).fill('Betriebserlaubnis vom 1. Juli 2026');
      await capacity.getByRole('button', { name: 'Kapazität ändern' }).click();
      await page.getByText('Die Kapazität wurde geändert.').waitFor();
      await page.getByRole('cell', { name: /^30 \(davon über 7 Stunden 0/ }).waitFor();
      await expectAccessible(page, 'einrichtung');

      await page.goto(`${system.origin}/kapazitaetsplanung/gemeinden/03459012`);
      await page.getByRole('heading', { name: 'Bissendorf: Krippe', level: 1 }).waitFor();
      const firstYear = page.getByTestId('municipality-plan').getByRole('row').nth(1);
      await firstYear.getByText(/Plätze aus \d+ Einrichtungen/).click();
      await firstYear.getByText('Kita Am Sonnenhang: 30').waitFor();

      // Closed from the start of the second plan year: the coming Kita year begins on 1 August.
      const today = new Date();
      const secondPlanYear = today.getFullYear() + (today.getMonth() >= 7 ? 2 : 1);
      await page.goto(`${system.origin}${institutionPath}`);
      await page.locator('summary', { hasText: 'Einrichtung schließen' }).click();
      const closure = page.getByRole('form', { name: 'Einrichtung schließen' });
      await closure.getByLabel(/^Geschlossen ab/).fill(`${secondPlanYear}-08-01`);
      await closure.getByLabel(/^Begründung/).fill('Zusammenlegung mit der Kita am Markt');
      await closure.getByRole('button', { name: 'Einrichtung schließen' }).click();
      await page.getByText(`geschlossen ab 01.08.${secondPlanYear}`).first().waitFor();
      await expectAccessible(page, 'einrichtung-geschlossen');
      await page.goto(`${system.origin}/kapazitaetsplanung/gemeinden/03459012`);
      const rows = page.getByTestId('municipality-plan').getByRole('row');
      await rows.nth(2).waitFor();
      // The first plan year still counts the Kita, the year of its closure no longer does.
      expect(await rows.nth(1).textContent()).toContain('Kita Am Sonnenhang: 30');
      expect(await rows.nth(2).textContent()).not.toContain('Kita Am Sonnenhang');

      await page.goto(`${system.origin}/kapazitaetsplanung`);
      await page.getByTestId('capacity-plan').waitFor();
      await tabTo(page, (element) => element.label.startsWith('Planungsstufe'));
      await page.keyboard.press('ArrowDown');
      await page.waitForURL(/stufe=kindergarten/);
      // The address changes before the table is drawn again with links for the chosen stage.
      await page
        .locator('[data-testid="capacity-plan"] a[href*="stufe=kindergarten"]', { hasText: 'Bramsche' })
        .waitFor();
      await tabTo(page, (element) => element.text === 'Bramsche');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Bramsche: Kindergarten', level: 1 }).waitFor();

      const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      try {
        const small = await openPage(phone);
        await signIn(small, system.origin, COORDINATOR, '/kapazitaetsplanung');
        await small.getByTestId('capacity-plan').getByRole('link', { name: 'Bramsche' }).waitFor();
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectAccessible(small, 'kapazitaetsplanung-390');
      } finally {
        await phone.close();
      }
    });
  },
);
