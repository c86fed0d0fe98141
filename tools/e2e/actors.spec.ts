/// <reference lib="dom" />
import { describeIf, eventually, useTempDir } from '@bildungsregion/testing';
import { readFileSync } from 'node:fs';
import { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_MISSING, expectAccessible, hasChromium, launchBrowser, openPage, signIn } from './support/browser';
import { tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3930, identity: 3939, goals: 3931, monitoring: 3932, ideas: 3933, planning: 3934 };
const COORDINATOR = /^Bildungskoordination/;
const KITA = 'Verbund der Kita-Träger (synthetisch)';
const SAMPLE_GOAL = /Betreuungsquote unter 3 Jahren auf 45 % steigern/;
const PERSON = 'Bernd Testperson';

/**
 * The Akteure screens in Debian's Chromium: a coordinator finds an actor, opens the goal it is party
 * to, adds a contact person, answers an access request and carries out an erasure request; the
 * person is then erased on the screen, in the API's answers and in the data export.
 */
describeIf(
  hasChromium,
  'browser',
  'the Akteure screens in a browser',
  'the Akteure screens in a browser',
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

    it('finds an actor, opens its goal, and erases a contact person everywhere after an access request', async () => {
      const page = await openPage(context);
      await signIn(page, system.origin, COORDINATOR, '/akteure');
      await page.getByRole('heading', { name: 'Akteure', level: 1 }).waitFor();
      await page.getByRole('searchbox', { name: /Name enthält/ }).fill('Kita');
      await page.getByRole('button', { name: 'Suchen' }).click();
      await page.waitForURL(/q=Kita/);
      await page.getByTestId('actor-count').getByText('1 Akteur').waitFor();
      await page.getByLabel(/^Art/).selectOption({ label: 'Träger' });
      await page.waitForURL(/type=traeger/);
      await expectAccessible(page, 'akteure');

      await page.getByRole('link', { name: KITA }).click();
      await page.getByRole('heading', { name: KITA, level: 1 }).waitFor();
      await page.getByRole('cell', { name: 'Erika Musterfrau (synthetisch)', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Kooperationskonferenz Bildung' }).waitFor();
      await page.getByRole('link', { name: SAMPLE_GOAL }).click();
      await page.getByTestId('parties-table').getByRole('link', { name: KITA }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: KITA, level: 1 }).waitFor();

      await page.locator('summary', { hasText: 'Ansprechperson hinzufügen' }).click();
      const form = page.getByRole('form', { name: 'Ansprechperson hinzufügen' });
      await form.getByLabel(/^Funktion/).selectOption({ label: 'Leitung' });
      await form.getByLabel(/^Name/).fill(PERSON);
      await form.getByLabel(/^E-Mail/).fill('b.testperson@example.org');
      await form.getByRole('button', { name: 'Ansprechperson hinzufügen' }).click();
      await page.getByText('Die Ansprechperson wurde hinzugefügt.').waitFor();
      const row = page.getByRole('row').filter({ hasText: PERSON });
      await row.waitFor();
      await expectAccessible(page, 'akteur');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: `Auskunft zu ${PERSON} erteilen` }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
      expect(exported.contact.personal).toEqual({ name: PERSON, email: 'b.testperson@example.org' });
      const contactId = exported.subject.contactId as string;

      await page.getByRole('button', { name: `Löschantrag für ${PERSON} ausführen` }).click();
      const heading = page.getByRole('heading', { name: `Löschantrag für ${PERSON}` });
      await heading.waitFor();
      expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.getByText('Die Löschung lässt sich nicht rückgängig machen.', { exact: false }).waitFor();
      await expectAccessible(page, 'loeschantrag');
      await page.getByRole('button', { name: 'Endgültig löschen' }).click();
      await page.getByText('Bitte füllen Sie dieses Feld aus.').waitFor();
      await page.getByLabel(/^Grund/).fill('Antrag nach Art. 17 DSGVO');
      await page.getByLabel(/^Aktenzeichen/).fill('DS-2026-001');
      await page.getByRole('button', { name: 'Endgültig löschen' }).click();
      await page.getByText('Die personenbezogenen Daten wurden gelöscht.').waitFor();
      await page.getByRole('cell', { name: /Personenbezogene Daten gelöscht am/ }).waitFor();
      expect(await page.getByText(PERSON).count()).toBe(0);
      await expectAccessible(page, 'akteur-nach-loeschung');

      const headers = { Authorization: `Bearer ${await system.token({ role: 'auditor' })}` };
      const api = `${system.origin}/api/planning`;
      const contact = await (await fetch(`${api}/contacts/${contactId}`, { headers })).json();
      expect(contact).toMatchObject({ status: 'erased', personal: { erased: true } });
      const history = await (await fetch(`${api}/contacts/${contactId}/history`, { headers })).text();
      expect(history).not.toContain(PERSON);
      expect(history).toContain('"erased":true');
      const coordinator = { Authorization: `Bearer ${await system.token({ role: 'coordinator' })}` };
      const again = await (await fetch(`${api}/contacts/${contactId}/data-export`, { headers: coordinator })).text();
      expect(again).not.toContain(PERSON);
      expect(await (await fetch(`${api}/audit`, { headers })).json()).toMatchObject({ valid: true });
    });

    it('lists networks with their members, and is usable with the keyboard and on a phone', async () => {
      const page = await openPage(context);
      await signIn(page, system.origin, COORDINATOR, '/netzwerke');
      await page.getByRole('link', { name: 'Kooperationskonferenz Bildung' }).click();
      await page
        .getByRole('row')
        .filter({ hasText: 'Landkreis Osnabrück, Bildungsbüro' })
        .getByText('Vorsitz')
        .waitFor();
      await expectAccessible(page, 'netzwerk');

      await page.goto(`${system.origin}/akteure`);
      await page.getByRole('heading', { name: 'Akteure', level: 1 }).waitFor();
      await tabTo(page, (element) => element.label.startsWith('Name enthält'));
      await page.keyboard.type('VHS');
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=VHS/);
      await page.getByTestId('actor-count').getByText('1 Akteur').waitFor();
      await tabTo(page, (element) => element.text === 'VHS Osnabrücker Land (synthetisch)');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'VHS Osnabrücker Land (synthetisch)', level: 1 }).waitFor();

      const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      try {
        const small = await openPage(phone);
        await signIn(small, system.origin, COORDINATOR, '/akteure/kita-traeger-verbund');
        await small.getByRole('heading', { name: KITA, level: 1 }).waitFor();
        await eventually(async () => (await small.getByRole('row').count()) > 1, 10_000);
        const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await expectAccessible(small, 'akteur-390');
      } finally {
        await phone.close();
      }
    });
  },
);
