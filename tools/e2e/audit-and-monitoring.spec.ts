/// <reference lib="dom" />
import { describeIf } from '@bildungsregion/testing';
import { useTempDir } from '@bildungsregion/testing';
import { readFileSync } from 'node:fs';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  CHROMIUM_MISSING,
  expectAccessible,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
} from './support/browser';
import { focusedElement, tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3950, identity: 3959, goals: 3951, monitoring: 3952, ideas: 3953, planning: 3954 };
const COORDINATOR = /^Bildungskoordination/;
const AUDITOR = /^Prüfung/;
const KITA = /Kita-Träger/;
const CHILDCARE_GOAL = /Betreuungsquote unter 3 Jahren/;

/**
 * The Prüfung and the monitoring screens in Debian's Chromium, signed in through the development
 * provider: what an auditor, a coordinator and an actor do there, each screen checked with axe.
 */
describeIf(
  hasChromium,
  'browser',
  'the Prüfung and monitoring screens in a browser',
  'the Prüfung and monitoring screens in a browser',
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

    async function openGoalAudit(current: Page, account = AUDITOR): Promise<string> {
      await signIn(current, system.origin, account, '/pruefung');
      await current.getByTestId('audit-goals').getByRole('link', { name: CHILDCARE_GOAL }).click();
      await current.getByTestId('timeline').waitFor();
      return new URL(current.url()).pathname.split('/').pop() ?? '';
    }

    it('lets an auditor verify every goal, seal the store and check it against the seal', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, AUDITOR, '/pruefung');
      await current.getByRole('button', { name: 'Alle Ziele prüfen' }).click();
      await current.getByText('Alle Ereignisketten sind unversehrt.').waitFor();
      await current.getByText(/^\d+ Ziele mit \d+ Ereignissen geprüft\.$/).waitFor();
      await current.getByText('Noch kein Siegel', { exact: true }).waitFor();
      await expectAccessible(current, 'pruefung-ohne-siegel');
      await current.getByRole('button', { name: 'Jetzt versiegeln' }).click();
      await current.getByText('Das Siegel bestätigt den Bestand.').waitFor({ timeout: 30_000 });
      await current.getByText(/Geprüft gegen Siegel Nr\. 1 vom .*; Signatur gültig\./).waitFor();
      await expectAccessible(current, 'pruefung');
    }, 120_000);

    it('walks a goal’s timeline, the goal on two days, a diff in words, and both exports', async () => {
      const current = await openPage(context);
      const goalId = await openGoalAudit(current);
      await current.getByText('Die Ereigniskette dieses Ziels ist unversehrt.').waitFor();
      const timeline = current.getByTestId('timeline');
      for (const event of ['Ziel angelegt', 'Ziel vorgeschlagen', 'Zustimmung erfasst', 'Ziel vereinbart'])
        await timeline.getByText(event, { exact: true }).first().waitFor();
      await timeline
        .getByText(/Kreisausschuss, Beschluss 2026\/041/)
        .first()
        .waitFor();
      await expectAccessible(current, 'pruefung-ziel');

      // Before the goal was recorded there is nothing to show; today it is agreed, and the sample's
      // progress value (as of 31.12.2026) is recorded but not yet in force.
      const asOf = current.getByTestId('as-of-table');
      await current.getByLabel(/^Datum/).fill('2025-06-30');
      await asOf.getByRole('row', { name: /^Status noch nicht erfasst noch nicht erfasst$/ }).waitFor();
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
      await current.getByLabel(/^Datum/).fill(today);
      await asOf.getByRole('row', { name: /^Status vereinbart vereinbart$/ }).waitFor();
      await asOf.getByRole('row', { name: /^Zahl der Fortschrittswerte 1 0 \(abweichend\)$/ }).waitFor();
      await expectAccessible(current, 'pruefung-stand-am');

      const agreed = timeline.locator('tr', { hasText: 'Ziel vereinbart' });
      const revision = Number((await agreed.locator('td').first().innerText()).trim().split(/\s/)[0]);
      await agreed.getByRole('button', { name: `Vergleich mit Revision ${revision - 1}` }).click();
      const diff = current.getByTestId('diff');
      await diff.getByText('Status geändert von vorgeschlagen auf vereinbart').waitFor();
      await diff
        .getByText(/^Beschluss hinzugefügt: Kreisausschuss, Beschluss 2026\/041.*wirksam ab 01\.03\.2026$/)
        .waitFor();
      await diff.getByText(`Revision ${revision}: Ziel vereinbart`, { exact: false }).waitFor();
      expect(new URL(current.url()).searchParams.get('bis')).toBe(String(revision));
      await current.getByLabel(/^bis Revision/).fill(String(revision - 2));
      await current.getByText('Die zweite Revision muss nach der ersten liegen.').waitFor();
      await expectAccessible(current, 'pruefung-aenderungen');

      const total = Number((await current.getByTestId('timeline-range').innerText()).match(/von (\d+)$/)?.[1]);
      const [csv] = await Promise.all([
        current.waitForEvent('download'),
        current.getByRole('button', { name: 'Verlauf als CSV herunterladen' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`ziel-${goalId}-verlauf.csv`);
      const lines = readFileSync((await csv.path()) as string, 'utf8')
        .trim()
        .split('\n');
      expect(lines[0]).toMatch(/^revision,recordedAt,/);
      expect(lines).toHaveLength(total + 1);
      const [json] = await Promise.all([
        current.waitForEvent('download'),
        current.getByRole('button', { name: 'Verlauf als JSON herunterladen' }).click(),
      ]);
      const exported = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
      expect(exported).toMatchObject({ goalId, total });
      expect(exported.events.map((event: { revision: number }) => event.revision)).toEqual(
        Array.from({ length: total }, (_, index) => index),
      );
    }, 180_000);

    it('walks “Stand am” with the keyboard alone, focus always visible', async () => {
      const current = await openPage(context);
      await openGoalAudit(current);
      await current.goto(current.url());
      await current.getByTestId('timeline').waitFor();
      await tabTo(current, (element) => element.label.startsWith('Datum'), 80);
      await current.keyboard.type('30062025');
      await current
        .getByTestId('as-of-table')
        .getByRole('row', { name: /noch nicht erfasst/ })
        .first()
        .waitFor();
      expect((await focusedElement(current)).label).toMatch(/^Datum/);
      await screenshot(current, 'pruefung-stand-am-tastatur');
    }, 120_000);

    it('imports a CSV dropped on the page, reports every bad line, and corrects a value the goal then shows', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, COORDINATOR, '/monitoring');
      await current.getByRole('link', { name: 'CSV-Import' }).click();
      await current.getByRole('heading', { name: 'CSV-Import', level: 1 }).waitFor();
      await expectAccessible(current, 'monitoring-import-leer');
      await current.getByRole('button', { name: 'Datei importieren' }).click();
      await current.getByText('Wählen Sie zuerst eine CSV-Datei.').waitFor();
      await expectAccessible(current, 'monitoring-import-fehler');

      const csv = [
        'indikator;gebiet;zeitraum;wert',
        'betreuungsquote-u3;03459;2026;39,4',
        'betreuungsquote-u3;03459014;2026;41,0',
        'betreuungsquote-u3;03459099;2026;40',
        'betreuungsquote-u3;03459002;2026;viel',
      ].join('\n');
      const dropped = await current.evaluateHandle((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'kita-2026.csv', { type: 'text/csv' }));
        return transfer;
      }, csv);
      await current.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: dropped });
      await current.getByText('Gewählt: kita-2026.csv', { exact: false }).waitFor();
      await current.getByRole('button', { name: 'Datei importieren' }).click();
      await current.getByText('Import abgeschlossen: 2 Werte erfasst, 2 Zeilen abgelehnt.').waitFor();
      const rejections = current.getByTestId('rejections-table');
      await rejections.getByRole('row', { name: /region 03459099 .* 1 4$/ }).waitFor();
      await rejections.getByRole('row', { name: /value is not a number 1 5$/ }).waitFor();
      await current.getByText('Abgelehnte Zeilen einzeln anzeigen').click();
      await current.getByRole('row', { name: /^5 value is not a number$/ }).waitFor();
      await current
        .getByTestId('earlier-imports')
        .getByRole('row', { name: /kita-2026\.csv/ })
        .first()
        .waitFor();
      await expectAccessible(current, 'monitoring-import');

      await current.goto(`${system.origin}/monitoring/indikatoren/betreuungsquote-u3?gebiete=03459014`);
      await current
        .getByTestId('series-table')
        .getByRole('row', { name: /^2026 39,4 % 41 %$/ })
        .waitFor();
      await current.getByTestId('comparison-table').waitFor();
      await current.getByLabel(/^Gebiet/).selectOption({ label: 'Landkreis Osnabrück' });
      await current
        .getByLabel(/^Zeitraum/)
        .last()
        .selectOption('2026');
      await current.getByLabel(/^Richtiger Wert/).fill('40,1');
      await current.getByRole('button', { name: 'Wert korrigieren' }).click();
      await current.getByText('Geben Sie den Grund der Korrektur an.').waitFor();
      await expectAccessible(current, 'monitoring-korrektur-fehler');
      await current.getByLabel(/^Grund/).fill('Meldung des Landesamts vom 20.11.2026 berichtigt');
      await current.getByRole('button', { name: 'Wert korrigieren' }).click();
      await current.getByText('Der Wert für Landkreis Osnabrück, 2026 wurde auf 40,1 % korrigiert.').waitFor();
      await current
        .getByTestId('series-table')
        .getByRole('row', { name: /^2026 40,1 % \(korrigiert\) 41 %$/ })
        .waitFor();
      await expectAccessible(current, 'monitoring-indikator');

      await current.getByTestId('linked-goals').getByRole('link', { name: CHILDCARE_GOAL }).click();
      await current.getByTestId('trajectory-table').getByText('40,1').waitFor({ timeout: 30_000 });
      await current
        .getByTestId('progress-table')
        .getByText(/korrigiert von 39,4/)
        .waitFor();
    }, 180_000);

    it('chooses the import file with the keyboard alone', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, COORDINATOR, '/monitoring/import');
      await current.goto(`${system.origin}/monitoring/import`);
      await current.getByRole('heading', { name: 'CSV-Import', level: 1 }).waitFor();
      // Chromium hands the chooser to the test only once interception is on: listen before the key press.
      const chosen = current.waitForEvent('filechooser');
      await tabTo(current, (element) => element.label.startsWith('CSV-Datei'));
      await current.keyboard.press('Space');
      const chooser = await chosen;
      await chooser.setFiles({
        name: 'vhs.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('indicator,region,period,value\nvhs-kurse-je-1000,03459,2025,4.2\n'),
      });
      await tabTo(current, (element) => element.tag === 'button' && element.text === 'Datei importieren');
      await current.keyboard.press('Enter');
      await current.getByText('Import abgeschlossen: 1 Werte erfasst, 0 Zeilen abgelehnt.').waitFor();
      await screenshot(current, 'monitoring-import-tastatur');
    }, 120_000);

    it('publishes a data release and lists it', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, COORDINATOR, '/monitoring/freigaben');
      await current.getByText('Es gibt noch keine Datenfreigabe.').waitFor();
      await expectAccessible(current, 'monitoring-freigaben-leer');
      await current.getByLabel(/^Titel/).fill('Bildungsbericht 2025');
      await current.getByLabel(/^Zeiträume/).fill('2025');
      await current.getByRole('button', { name: 'Daten freigeben' }).click();
      await current.getByText(/^„Bildungsbericht 2025“ wurde freigegeben/).waitFor();
      await current
        .getByTestId('releases-table')
        .getByRole('row', { name: /Bildungsbericht 2025 2025/ })
        .waitFor();
      await expectAccessible(current, 'monitoring-freigaben');
    }, 120_000);

    it('lets an actor read monitoring but reach neither the import nor the Prüfung', async () => {
      const current = await openPage(context);
      await signIn(current, system.origin, KITA, '/monitoring');
      await current.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();
      await current.getByTestId('catalogue-fruehkindliche-bildung').waitFor();
      expect(await current.getByRole('link', { name: 'CSV-Import' }).count()).toBe(0);
      expect(await current.getByRole('navigation').getByRole('link', { name: 'Prüfung' }).count()).toBe(0);
      await expectAccessible(current, 'monitoring-katalog-akteur');
      await current.goto(`${system.origin}/monitoring/import`);
      await current.getByText('Importieren ist der Bildungskoordination und der Administration vorbehalten.').waitFor();
      expect(await current.locator('input[type=file]').count()).toBe(0);
      await current.goto(`${system.origin}/pruefung`);
      await current.getByText(/Die Prüfung steht der Prüfung, der Bildungskoordination/).waitFor();
      const refused = await fetch(`${system.origin}/api/monitoring/measurements/imports`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${await system.token({ role: 'actor', subject: 'kita', actorId: 'kita-traeger-verbund' })}`,
          'Content-Type': 'text/csv',
        },
        body: 'indicator,region,period,value\nbetreuungsquote-u3,03459,2027,50\n',
      });
      expect(refused.status).toBe(403);
    }, 120_000);
    it('has no axe violation on any screen, in any state, at desktop and phone width', async () => {
      const current = await openPage(context);
      // Coordinators may open the Prüfung too, so one of them sees every screen.
      const goalId = await openGoalAudit(current, COORDINATOR);
      const screens: [name: string, path: string, ready: (page: Page) => Promise<unknown>][] = [
        ['uebersicht', '/', (page) => page.getByTestId('goal-total').waitFor()],
        ['ziele', '/ziele', (page) => page.getByRole('table').first().waitFor()],
        [
          'ziele-leer',
          '/ziele?q=gibt-es-nicht',
          (page) => page.getByText('Kein Ziel passt zu dieser Auswahl.').waitFor(),
        ],
        ['ziel-anlegen', '/ziele/neu', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
        [
          'ziel-formulare-offen',
          `/ziele/${goalId}`,
          async (page) => {
            await page.getByTestId('progress-table').waitFor();
            for (const summary of await page.locator('summary').all()) await summary.click();
            const proofs = page.getByRole('button', { name: /^Nachweis zum Wert/ });
            for (const proof of await proofs.all()) await proof.click();
            await page.getByTestId('progress-table').locator('.trace-body dl').first().waitFor();
          },
        ],
        [
          'ziel-unbekannt',
          '/ziele/00000000-0000-4000-8000-000000000000',
          (page) => page.getByText('Nicht gefunden', { exact: false }).first().waitFor(),
        ],
        ['monitoring-katalog', '/monitoring', (page) => page.getByTestId('catalogue-hochschule').waitFor()],
        [
          'monitoring-indikator',
          '/monitoring/indikatoren/betreuungsquote-u3',
          (page) => page.getByTestId('comparison-table').waitFor(),
        ],
        [
          'monitoring-indikator-unbekannt',
          '/monitoring/indikatoren/gibt-es-nicht',
          (page) => page.getByRole('alert').waitFor(),
        ],
        [
          'monitoring-import',
          '/monitoring/import',
          (page) => page.getByRole('heading', { name: 'Frühere Importe' }).waitFor(),
        ],
        ['monitoring-freigaben', '/monitoring/freigaben', (page) => page.getByRole('heading', { level: 1 }).waitFor()],
        ['pruefung', '/pruefung', (page) => page.getByTestId('audit-goals').getByRole('link').first().waitFor()],
        [
          'pruefung-ziel',
          `/pruefung/ziele/${goalId}`,
          async (page) => {
            await page.getByTestId('as-of-table').waitFor();
            const proofs = page.getByTestId('timeline').getByRole('button', { name: /^Nachweis zum Wert/ });
            await proofs.first().waitFor();
            for (const proof of await proofs.all()) await proof.click();
            await page.getByTestId('timeline').locator('.trace-body dl').first().waitFor();
          },
        ],
        [
          'unbekannte-seite',
          '/gibt-es-nicht',
          (page) => page.getByRole('heading', { name: 'Seite nicht gefunden' }).waitFor(),
        ],
      ];
      for (const width of [1280, 390]) {
        await current.setViewportSize({ width, height: 900 });
        for (const [name, path, ready] of screens) {
          await current.goto(`${system.origin}${path}`);
          await ready(current);
          await current.getByText('Wird geladen', { exact: false }).first().waitFor({ state: 'hidden' });
          await expectAccessible(current, `a11y-${width}-${name}`);
          // Wider than the window means the whole page scrolls sideways; tables scroll in their own box.
          const overflow = await current.evaluate(() =>
            Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
          );
          expect([name, width, overflow]).toEqual([name, width, 0]);
        }
      }

      // Loading: the overview while its counts are held back.
      await current.setViewportSize({ width: 1280, height: 900 });
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await current.route('**/api/goals/goals/dashboard**', async (route) => {
        await held;
        await route.continue();
      });
      await current.goto(`${system.origin}/`);
      await current.getByRole('status').filter({ hasText: 'Wird geladen' }).first().waitFor();
      await expectAccessible(current, 'a11y-laden');
      release();
      await current.getByTestId('goal-total').waitFor();
      await current.unroute('**/api/goals/goals/dashboard**');

      // A service that does not answer: the catalogue says so and offers to try again.
      await current.route('**/api/monitoring/indicators', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/problem+json',
          body: JSON.stringify({ status: 503, code: 'store-unavailable', detail: 'The read store does not answer.' }),
        }),
      );
      await current.goto(`${system.origin}/monitoring`);
      await current.getByText('Dienst nicht erreichbar').waitFor();
      await current.getByRole('button', { name: 'Erneut versuchen' }).waitFor();
      await expectAccessible(current, 'a11y-dienst-nicht-erreichbar');
    }, 300_000);
  },
);
