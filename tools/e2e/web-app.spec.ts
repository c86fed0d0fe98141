import { describeIf, useTempDir } from '@bildungsregion/testing';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, CHROMIUM, hasChromium, launchBrowser, screenshot, signIn } from './support/browser';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3940, identity: 3949, goals: 3941, monitoring: 3942 };
const COORDINATOR = /^Bildungskoordination/;
const KITA = /Kita-Träger/;

/**
 * The web app in Debian's Chromium, signed in through the real OIDC flow of the development provider,
 * through the one origin of `npm start`. Every screen is checked with axe (WCAG 2.1 AA) and saved as a
 * screenshot under dist/screenshots.
 */
describeIf(
  hasChromium,
  'browser',
  'the web app in a browser',
  'the web app in a browser',
  `no Chromium at ${CHROMIUM}; apt-get install chromium`,
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

    async function page(): Promise<Page> {
      const opened = await context.newPage();
      opened.on('pageerror', (error) => {
        throw error;
      });
      return opened;
    }

    async function expectAccessible(current: Page, name: string): Promise<void> {
      await screenshot(current, name);
      expect([name, await accessibilityViolations(current)]).toEqual([name, []]);
    }

    async function openStep(current: Page, summary: string): Promise<void> {
      await current.locator('summary', { hasText: summary }).click();
    }

    async function goalIdOf(current: Page): Promise<string> {
      return new URL(current.url()).pathname.split('/').pop() ?? '';
    }

    it('signs in each role through the provider and says who is signed in, in German', async () => {
      const roles: [RegExp, string][] = [
        [COORDINATOR, 'Bildungskoordination'],
        [/^Prüfung/, 'Prüfung'],
        [/^Administration/, 'Administration'],
        [KITA, 'Akteur'],
        [/VHS/, 'Akteur'],
      ];
      for (const [account, role] of roles) {
        const signedIn = await browser.newContext({ locale: 'de-DE' });
        const current = await signedIn.newPage();
        await signIn(current, system.origin, account);
        await expect(current.getByTestId('signed-in-as').textContent()).resolves.toContain(`(${role})`);
        await signedIn.close();
      }
      const current = await page();
      await current.goto(system.origin);
      await screenshot(current, 'anmeldung');
      expect(await current.getByText('Nur für die Entwicklung.').isVisible()).toBe(true);
      expect(await accessibilityViolations(current)).toEqual([]);
    }, 120_000);

    it('shows the overview and the list with filters kept in the address', async () => {
      const current = await page();
      await signIn(current, system.origin, COORDINATOR);
      await current.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
      await current.getByTestId('goal-total').waitFor();
      expect(await current.getByText('Synthetische Beispieldaten – keine amtlichen Werte').first().isVisible()).toBe(
        true,
      );
      await expectAccessible(current, 'uebersicht');

      await current.getByRole('link', { name: 'Ziele', exact: true }).click();
      await current.getByTestId('goal-count').waitFor();
      await current.getByLabel(/^Status/).selectOption({ label: 'vereinbart' });
      await current.waitForURL(/status=agreed/);
      await current.getByLabel(/^Titel enthält/).fill('Betreuungsquote');
      await current.getByRole('button', { name: 'Suchen' }).click();
      await current.waitForURL(/q=Betreuungsquote/);
      await current.getByTestId('goal-count').filter({ hasText: '1 Ziel gefunden' }).waitFor();
      expect(await current.locator('tbody tr').count()).toBe(1);
      await expectAccessible(current, 'ziele');
      // The address alone brings the same view back.
      const shared = await page();
      await shared.goto(current.url());
      await shared.getByTestId('goal-count').filter({ hasText: '1 Ziel gefunden' }).waitFor();
      expect(await shared.getByLabel(/^Status/).inputValue()).toBe('agreed');
    }, 120_000);

    it('takes a goal through its whole lifecycle with the forms of the goal page', async () => {
      const current = await page();
      await signIn(current, system.origin, COORDINATOR, '/ziele/neu');
      await current.getByRole('heading', { name: 'Ziel anlegen' }).waitFor();
      await current.getByRole('button', { name: 'Entwurf speichern' }).click();
      await current.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
      await expectAccessible(current, 'ziel-anlegen-fehler');
      await current.getByLabel(/^Titel/).fill('Sprachförderung in Kitas ausbauen');
      await current.getByLabel(/^Beschreibung/).fill('Mehr Fachkräfte für alltagsintegrierte Sprachbildung.');
      await current.getByLabel(/^Bildungsbereich/).selectOption({ label: 'frühkindliche Bildung' });
      await current.getByLabel(/^Gebiet/).selectOption({ label: 'Bramsche' });
      await current.getByLabel(/^Einheit/).fill('%');
      await current.getByLabel(/^Ausgangswert/).fill('20');
      await current.getByLabel(/^Datum des Ausgangswerts/).fill('2026-01-01');
      await current.getByLabel(/^Zielwert/).fill('30,5');
      await current.getByLabel(/^Zieldatum/).fill('2028-12-31');
      await current.getByLabel(/^Kennung/).fill('stadt-bramsche');
      await current.getByLabel(/^Name/).fill('Stadt Bramsche');
      await current.getByRole('button', { name: 'Weitere Beteiligte hinzufügen' }).click();
      await current
        .getByLabel(/^Kennung/)
        .nth(1)
        .fill('kita-traeger-verbund');
      await current.getByLabel(/^Name/).nth(1).fill('Verbund der Kita-Träger');
      await current.getByRole('button', { name: 'Entwurf speichern' }).click();
      await current.getByRole('heading', { name: 'Sprachförderung in Kitas ausbauen' }).waitFor();
      await expectAccessible(current, 'ziel-entwurf');

      const step = async (summary: string, fill: () => Promise<void>, submit: string, done: string) => {
        await openStep(current, summary);
        await fill();
        await current.getByRole('button', { name: submit, exact: true }).click();
        await current.getByText(done).waitFor();
      };
      await step(
        'Ziel vorschlagen',
        async () => undefined,
        'Ziel vorschlagen',
        'Das Ziel wurde den Beteiligten vorgeschlagen.',
      );
      for (const party of ['Stadt Bramsche', 'Verbund der Kita-Träger'])
        await step(
          'Zustimmung erfassen',
          () =>
            current
              .getByRole('combobox', { name: /^Beteiligte/ })
              .selectOption({ label: party })
              .then(() => undefined),
          'Zustimmung erfassen',
          'Die Zustimmung wurde erfasst.',
        );
      await openStep(current, 'Beschluss erfassen');
      await current.getByRole('button', { name: 'Beschluss erfassen', exact: true }).click();
      await current.getByText('Bitte füllen Sie dieses Feld aus.').first().waitFor();
      await expectAccessible(current, 'ziel-beschluss-fehler');
      await current.getByLabel(/^Beschluss/).fill('Kreisausschuss, Beschluss 2026/041');
      await current.getByLabel(/^Wirksam ab/).fill('2026-02-01');
      await current.getByRole('button', { name: 'Beschluss erfassen', exact: true }).click();
      await current.getByText('Der Beschluss wurde erfasst; das Ziel ist vereinbart.').waitFor();
      await step(
        'Meilenstein hinzufügen',
        async () => {
          await current.getByLabel(/^Datum/).fill('2027-06-30');
          await current.getByLabel(/^Wert/).fill('25');
        },
        'Meilenstein hinzufügen',
        'Der Meilenstein wurde hinzugefügt.',
      );
      await step(
        'Fortschritt erfassen',
        async () => {
          await current.getByLabel(/^Wert/).fill('21,5');
          await current.getByLabel(/^Stand/).fill('2026-10-31');
        },
        'Fortschritt erfassen',
        'Der Fortschritt wurde erfasst.',
      );
      await step(
        'Wert korrigieren',
        async () => {
          await current.getByLabel(/^Wert/).fill('22');
          await current.getByLabel(/^Begründung/).fill('Meldung eines Trägers nachgereicht');
        },
        'Wert korrigieren',
        'Der Wert wurde korrigiert.',
      );
      await current.getByTestId('progress-table').getByText('korrigiert von 21,5').waitFor();
      await step(
        'Ziel aussetzen',
        () => current.getByLabel(/^Begründung/).fill('Haushaltssperre'),
        'Ziel aussetzen',
        'Das Ziel wurde ausgesetzt.',
      );
      await step('Ziel fortsetzen', async () => undefined, 'Ziel fortsetzen', 'Das Ziel wird fortgesetzt.');
      await step(
        'Ziel abschließen',
        async () => {
          await current.getByLabel('verfehlt').check();
          await current.getByLabel(/^Begründung/).fill('Fachkräfte fehlen');
        },
        'Ziel abschließen',
        'Das Ziel wurde abgeschlossen.',
      );
      await expect(current.locator('.goal-badges').textContent()).resolves.toContain('verfehlt');
      expect(await current.getByText('Für dieses Ziel ist derzeit kein Schritt möglich.').isVisible()).toBe(true);
      await expectAccessible(current, 'ziel-abgeschlossen');

      const history = await fetch(`${system.origin}/api/goals/goals/${await goalIdOf(current)}/history`, {
        headers: { Authorization: `Bearer ${await system.token({ role: 'auditor' })}` },
      });
      const types = ((await history.json()) as { items: { type: string }[] }).items.map((entry) => entry.type);
      expect(types).toEqual([
        'GoalDrafted',
        'GoalProposed',
        'ConsentRecorded',
        'ConsentRecorded',
        'GoalAgreed',
        'MilestoneAdded',
        'ProgressRecorded',
        'AssessmentChanged',
        'ProgressCorrected',
        'GoalSuspended',
        'GoalResumed',
        'GoalClosed',
      ]);
    }, 180_000);
  },
);
