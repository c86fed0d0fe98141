/// <reference lib="dom" />
import { describeIf, useTempDir } from '@bildungsregion/testing';
import { Browser, BrowserContext } from 'playwright-core';
import { CHROMIUM_MISSING, expectAccessible, hasChromium, launchBrowser, openPage, signIn } from './support/browser';
import { tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3980, identity: 3989, goals: 3981, monitoring: 3982, ideas: 3983, planning: 3986 };
const COORDINATOR = /^Bildungskoordination/;
const KITA = /Kita-Träger/;
const VHS = /VHS Osnabrücker Land/;
const EARLIER = 'Lesepaten für Grundschulen gewinnen';
const MELLE = '03459024';
const BUNDLE = 'Sicher und pünktlich zur Schule in Melle';

/**
 * The Ideen screens in Debian's Chromium: an actor submits an idea that exists already, sees it while
 * typing, and withdraws it in favour of the earlier one; others comment and endorse; axe checks each screen.
 */
describeIf(
  hasChromium,
  'browser',
  'the Ideen screens in a browser',
  'the Ideen screens in a browser',
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

    it('shows similar ideas while an actor types, asks before a likely duplicate, and withdraws it in favour of the earlier idea', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, KITA, '/ideen/neu');
      await current.getByRole('heading', { name: 'Idee einreichen' }).waitFor();
      await current.getByLabel('Titel').fill('Lesepatenschaften an Grundschulen');
      await current
        .getByLabel('Beschreibung')
        .fill('Ehrenamtliche Lesepaten lesen jede Woche mit Grundschulkindern, die beim Lesen Unterstützung brauchen.');
      const panel = current.getByTestId('similar-ideas');
      const earlier = panel.getByRole('listitem').filter({ hasText: EARLIER });
      await earlier.getByText('wahrscheinlich doppelt').waitFor();
      expect(await earlier.locator('mark').allTextContents()).toEqual(
        expect.arrayContaining(['Lesepaten', 'Grundschulen']),
      );
      await panel.getByText(/ähnliche offene Ideen? gefunden\./).waitFor();
      await current.getByRole('checkbox', { name: 'allgemeinbildende Schulen' }).check();
      await expectAccessible(current, 'idee-einreichen');

      await current.getByRole('button', { name: 'Idee einreichen' }).click();
      await current.getByText('Diese Idee gibt es wahrscheinlich schon').waitFor();
      await current.getByRole('button', { name: 'Trotzdem einreichen' }).click();
      await current.getByRole('heading', { name: 'Lesepatenschaften an Grundschulen' }).waitFor();
      await current.getByText('Idee eingereicht').waitFor();
      await expectAccessible(current, 'idee');

      await current.locator('summary', { hasText: 'Idee zurückziehen' }).click();
      await current.getByRole('radio', { name: 'doppelt – gibt es schon als andere Idee' }).check();
      await current
        .getByLabel('Zugunsten welcher Idee?')
        .selectOption({ label: `${EARLIER} (wahrscheinlich doppelt)` });
      await current
        .getByLabel('Erläuterung')
        .fill('Die VHS hatte die Idee schon eingereicht; wir unterstützen sie dort.');
      await expectAccessible(current, 'idee-zurueckziehen');
      await current.getByRole('button', { name: 'Idee zurückziehen' }).click();
      await current.getByText('Zurückgezogen: doppelt – gibt es schon als andere Idee').waitFor();
      await current.getByText(/Zurückgezogen \(doppelt/).waitFor();
      await current.getByRole('link', { name: 'Zur Idee, zugunsten derer sie zurückgezogen wurde' }).click();
      await current.getByRole('heading', { name: EARLIER }).waitFor();
    });

    it('lets an actor endorse, comment and reply, and change its comment', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, KITA, '/ideen?text=Lesepaten');
      await current.getByRole('link', { name: EARLIER }).first().click();
      await current.getByRole('heading', { name: EARLIER }).waitFor();
      await current.getByRole('button', { name: 'Idee unterstützen' }).click();
      await current.getByRole('heading', { name: '1 Unterstützung' }).waitFor();
      await current.getByLabel('Ihr Kommentar').fill('Die Kitas im Nordkreis machen mit.');
      await current.getByRole('button', { name: 'Kommentar senden' }).click();
      await current.getByRole('heading', { name: '1 Kommentar' }).waitFor();
      await current.getByRole('button', { name: 'Ändern' }).click();
      await current.getByLabel('Kommentar ändern').fill('Die Kitas im Nordkreis machen gern mit.');
      await current.getByRole('button', { name: 'Änderung speichern' }).click();
      await current.getByText('Die Kitas im Nordkreis machen gern mit.').waitFor();
      await current.getByText(/^Kommentar geändert von „Die Kitas im Nordkreis machen mit\.“/).waitFor();
      await expectAccessible(current, 'idee-kommentare');

      const vhs = await openPage(await browser.newContext({ locale: 'de-DE' }));
      await signIn(vhs, system.origin, VHS, new URL(current.url()).pathname);
      await vhs.getByRole('button', { name: 'Antworten' }).click();
      await vhs.getByLabel(/^Antwort an kita-traeger-verbund/).fill('Danke, wir melden uns.');
      await vhs.getByRole('button', { name: 'Antwort senden' }).click();
      await vhs.getByText('Danke, wir melden uns.').waitFor();
      expect(await vhs.getByRole('button', { name: 'Idee unterstützen' }).count()).toBe(0);
      await vhs.context().close();
    });

    it('gives coordinators the list with German search, filters and likely duplicates, reachable by keyboard', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, COORDINATOR, '/ideen');
      await current
        .getByTestId('idea-count')
        .getByText(/^\d+ Ideen$/)
        .waitFor();
      await current.getByRole('heading', { name: 'Ideen, die sich ähneln' }).waitFor();
      await current
        .getByRole('listitem')
        .filter({ hasText: 'Ehrenamtliche Lesepatenschaften an Grundschulen' })
        .filter({ hasText: EARLIER })
        .getByText(/– (ähnlich|wahrscheinlich doppelt) \(Übereinstimmung \d+ %/)
        .waitFor();
      await expectAccessible(current, 'ideen');
      await current.getByLabel('Suchbegriffe').fill('leseschwache');
      await current.getByRole('button', { name: 'Suchen' }).click();
      await current.getByTestId('idea-count').getByText('1 Idee').waitFor();
      await current.getByLabel('Bildungsbereich').selectOption({ label: 'Hochschule' });
      await current.getByText('Keine Idee passt zu diesen Filtern.').waitFor();
      expect(new URL(current.url()).searchParams.get('stage')).toBe('hochschule');

      await current.goto(`${system.origin}/ideen/neu`);
      await current.getByRole('heading', { name: 'Idee einreichen' }).waitFor();
      const title = await tabTo(current, (element) => element.label.startsWith('Titel'), 60);
      expect(title.tag).toBe('input');
      await current.keyboard.type('Mobile Bildungsberatung');
      await tabTo(current, (element) => element.label.startsWith('Beschreibung'));
      await current.keyboard.type('Sprechstunden zur Weiterbildung in den Gemeinden.');
      await tabTo(current, (element) => element.label === 'Weiterbildung');
      await current.keyboard.press('Space');
      await tabTo(current, (element) => element.tag === 'button' && element.text === 'Idee einreichen');
      await current.keyboard.press('Enter');
      await current.getByText('Diese Idee gibt es wahrscheinlich schon').waitFor();
      const anyway = await tabTo(current, (element) => element.text === 'Trotzdem einreichen');
      expect(anyway.tag).toBe('button');
      await current.keyboard.press('Enter');
      await current.getByRole('heading', { name: 'Mobile Bildungsberatung' }).waitFor();
      await current.getByText('Idee eingereicht').waitFor();
    });

    it('bundles two ideas, has the bundle evaluated, accepts it and promotes it to a goal that is completed and proposed', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, COORDINATOR, `/ideen?region=${MELLE}`);
      for (const title of ['Schulbus-Takt an den Ganztag anpassen', 'Schulwege sicherer machen'])
        await current.getByRole('checkbox', { name: `„${title}“ zum Bündeln auswählen` }).check();
      await current.getByRole('heading', { name: '2 Ideen bündeln' }).waitFor();
      await current.getByRole('textbox', { name: /^Titel/ }).fill(BUNDLE);
      await current
        .getByRole('textbox', { name: /^Beschreibung/ })
        .fill('Busfahrpläne und sichere Schulwege in Melle gemeinsam planen.');
      await current.getByLabel(/^Grund der Bündelung/).fill('Beide Ideen betreffen den Schulweg in Melle.');
      await expectAccessible(current, 'ideen-buendeln');
      await current.getByRole('button', { name: 'Ideen bündeln' }).click();
      await current.getByRole('heading', { name: BUNDLE }).waitFor();
      const source = current
        .getByTestId('lineage')
        .getByRole('listitem')
        .filter({ hasText: 'Schulwege sicherer machen' });
      expect(await source.textContent()).toBe(`Schulwege sicherer machen ist Teil des Bündels ${BUNDLE} (eingereicht)`);
      const bundlePath = new URL(current.url()).pathname;

      await current.getByLabel(/^Bewertende \(Kennungen\)/).fill('kita-traeger-verbund');
      await current.getByRole('button', { name: 'Bewertende zuweisen' }).click();
      await current.getByTestId('evaluation-summary').getByText('0 von 1 Bewertungen').waitFor();

      const evaluator = await openPage(await browser.newContext({ locale: 'de-DE' }));
      await signIn(evaluator, system.origin, KITA, bundlePath);
      await evaluator.getByRole('heading', { name: 'Ihre Bewertung' }).waitFor();
      for (const criterion of ['Wirkung', 'Umsetzbarkeit', 'Kosten', 'Beitrag zu vereinbarten Zielen']) {
        await evaluator
          .getByRole('group', { name: new RegExp(`^Punkte für ${criterion}`) })
          .getByRole('radio', { name: '4' })
          .check();
        await evaluator.getByLabel(new RegExp(`^Begründung für ${criterion}`)).fill(`Überzeugt bei ${criterion}.`);
      }
      await expectAccessible(evaluator, 'idee-bewerten');
      await evaluator.getByRole('button', { name: 'Bewertung speichern' }).click();
      await evaluator.getByText('Ihre Bewertung ist gespeichert.').waitFor();
      await evaluator.context().close();

      await current.reload();
      await current
        .getByTestId('evaluation-summary')
        .getByText(/^1 von 1 Bewertungen · gewichteter Mittelwert 4/)
        .waitFor();
      await current.getByRole('radio', { name: 'angenommen' }).check();
      await current.getByLabel(/^Beschluss/).fill('Steuergruppe Bildungsregion, Sitzung 2026/4');
      await current.getByRole('button', { name: 'Entscheidung erfassen' }).click();
      await current
        .getByTestId('decision')
        .getByText(/^angenommen · Steuergruppe/)
        .waitFor();
      await expectAccessible(current, 'idee-entschieden');
      await current.getByRole('button', { name: 'Als Ziel übernehmen' }).click();
      await current.getByRole('link', { name: 'übernommen als Ziel – zum Zielentwurf' }).click();

      await current.getByRole('heading', { name: BUNDLE }).waitFor();
      await current.getByText('Entwurf noch nicht vollständig').waitFor();
      await current.getByRole('link', { name: 'aus Idee übernommen – zur Idee' }).waitFor();
      await expectAccessible(current, 'ziel-aus-idee');
      await current.getByLabel(/^Gebiet/).selectOption({ label: 'Melle' });
      await current.getByLabel(/^Einheit/).fill('Schulen');
      await current.getByLabel(/^Ausgangswert/).fill('2');
      await current.getByLabel(/^Datum des Ausgangswerts/).fill('2026-01-01');
      await current.getByLabel(/^Zielwert/).fill('8');
      await current.getByLabel(/^Zieldatum/).fill('2028-07-31');
      await current.getByLabel(/^Kennung/).fill('stadt-melle');
      await current.getByLabel(/^Name/).fill('Stadt Melle');
      await current.getByRole('button', { name: 'Entwurf speichern' }).click();
      await current.locator('summary', { hasText: 'Ziel vorschlagen' }).click();
      await current.getByRole('button', { name: 'Ziel vorschlagen', exact: true }).click();
      await current.getByText('Das Ziel wurde den Beteiligten vorgeschlagen.').waitFor();
      await current.getByRole('link', { name: 'aus Idee übernommen – zur Idee' }).waitFor();

      await current.goto(`${system.origin}/ideenaufrufe`);
      await current.getByRole('link', { name: 'Übergang Schule – Beruf im Nordkreis' }).waitFor();
      const cause = current.getByRole('table', { name: 'Entwürfe zur Prüfung' }).getByRole('link', { name: /^„/ });
      expect(await cause.first().getAttribute('href')).toMatch(/^\/ziele\/[0-9a-f-]{36}$/);
      await expectAccessible(current, 'ideenaufrufe');
    });

    it('reads well on a phone', async () => {
      const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
      const current = await openPage(phone);
      await signIn(current, system.origin, KITA, '/ideen/neu');
      await current.getByLabel('Titel').fill('Familienzentren an Kitas');
      await current.getByTestId('similar-ideas').getByText('Familienzentren in jeder Gemeinde').waitFor();
      const overflow = await current.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(current, 'idee-einreichen-390');
      await phone.close();
    });
  },
);
