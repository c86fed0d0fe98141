/// <reference lib="dom" />
import { describeIf, eventually, useTempDir } from '@bildungsregion/testing';
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
import { tabTo } from './support/keyboard';
import { RunningSystem, startSystem } from './support/system';

const PORTS = { web: 3940, identity: 3949, goals: 3941, monitoring: 3942, ideas: 3943, planning: 3944 };
const ACCESS_TOKEN_SECONDS = 75;
const COORDINATOR = /^Bildungskoordination/;
const KITA = /Kita-Träger/;

/**
 * The web app in Debian's Chromium, signed in through the real OIDC flow of the development provider,
 * through the one origin of `npm start`. Every screen is checked with axe (WCAG 2.1 AA) and saved as a
 * screenshot under dist/screenshots.
 */
describeIf(hasChromium, 'browser', 'the web app in a browser', 'the web app in a browser', CHROMIUM_MISSING, () => {
  const dir = useTempDir();
  let system: RunningSystem;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    // Access tokens live 75 s, so the web app renews one (60 s before it expires) within the suite.
    system = await startSystem(PORTS, dir(), undefined, {
      IDENTITY_ACCESS_TOKEN_SECONDS: String(ACCESS_TOKEN_SECONDS),
    });
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

  const page = () => openPage(context);

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
    await current.getByText('Nur für die Entwicklung.').waitFor();
    await expectAccessible(current, 'anmeldung');
  }, 120_000);

  it('shows the overview and the list with filters kept in the address', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR);
    await current.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
    await current.getByTestId('goal-total').waitFor();
    await current.getByText('Synthetische Beispieldaten – keine amtlichen Werte').first().waitFor();
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
    expect(await current.getByText('Bitte wählen Sie einen Eintrag aus der Liste.').count()).toBe(2);
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
    await current
      .locator('details[open]')
      .getByLabel(/^Beschluss/)
      .fill('Kreisausschuss, Beschluss 2026/041');
    await current
      .locator('details[open]')
      .getByLabel(/^Wirksam ab/)
      .fill('2026-02-01');
    await current.getByRole('button', { name: 'Beschluss erfassen', exact: true }).click();
    await current.getByText('Der Beschluss wurde erfasst; das Ziel ist vereinbart.').waitFor();
    await step(
      'Meilenstein hinzufügen',
      async () => {
        await current
          .locator('details[open]')
          .getByLabel(/^Datum/)
          .fill('2027-06-30');
        await current.locator('details[open]').getByLabel(/^Wert/).fill('25');
      },
      'Meilenstein hinzufügen',
      'Der Meilenstein wurde hinzugefügt.',
    );
    await step(
      'Fortschritt erfassen',
      async () => {
        await current.locator('details[open]').getByLabel(/^Wert/).fill('21,5');
        await current
          .locator('details[open]')
          .getByLabel(/^Stand/)
          .fill('2026-10-31');
      },
      'Fortschritt erfassen',
      'Der Fortschritt wurde erfasst.',
    );
    await step(
      'Wert korrigieren',
      async () => {
        await current.locator('details[open]').getByLabel(/^Wert/).fill('22');
        await current
          .locator('details[open]')
          .getByLabel(/^Begründung/)
          .fill('Meldung eines Trägers nachgereicht');
      },
      'Wert korrigieren',
      'Der Wert wurde korrigiert.',
    );
    await current.getByTestId('progress-table').getByText('korrigiert von 21,5').waitFor();
    await step(
      'Ziel aussetzen',
      () =>
        current
          .locator('details[open]')
          .getByLabel(/^Begründung/)
          .fill('Haushaltssperre'),
      'Ziel aussetzen',
      'Das Ziel wurde ausgesetzt.',
    );
    await step('Ziel fortsetzen', async () => undefined, 'Ziel fortsetzen', 'Das Ziel wird fortgesetzt.');
    await step(
      'Ziel abschließen',
      async () => {
        await current.locator('details[open]').getByLabel('verfehlt').check();
        await current
          .locator('details[open]')
          .getByLabel(/^Begründung/)
          .fill('Fachkräfte fehlen');
      },
      'Ziel abschließen',
      'Das Ziel wurde abgeschlossen.',
    );
    await expect(current.locator('.goal-badges').textContent()).resolves.toContain('verfehlt');
    await current.getByText('Für dieses Ziel ist derzeit kein Schritt möglich.').waitFor();
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

  it('walks the progress form with the keyboard alone, focus always visible', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR, '/ziele?q=Betreuungsquote');
    // The walk starts where a keyboard user starts: at the top of a freshly loaded page.
    await current.goto(
      `${system.origin}${await current.getByRole('link', { name: /Betreuungsquote/ }).getAttribute('href')}`,
    );
    await current.getByRole('heading', { name: /Betreuungsquote/, level: 1 }).waitFor();
    await tabTo(current, (element) => element.tag === 'summary' && element.text.startsWith('Fortschritt erfassen'));
    await current.keyboard.press('Enter');
    await tabTo(current, (element) => element.label.startsWith('Wert'));
    await current.keyboard.type('39,9');
    await tabTo(current, (element) => element.label.startsWith('Stand'));
    await tabTo(current, (element) => element.label.startsWith('Notiz'));
    await current.keyboard.type('Kammerstatistik, vorläufig');
    await tabTo(current, (element) => element.tag === 'button' && element.text === 'Fortschritt erfassen');
    await screenshot(current, 'ziel-tastatur');
    await current.keyboard.press('Enter');
    await current.getByText('Der Fortschritt wurde erfasst.').waitFor();
    await current.getByTestId('progress-table').getByText('Kammerstatistik, vorläufig').waitFor();
    expect(await current.getByTestId('progress-table').getByText('39,9').count()).toBeGreaterThan(0);
  }, 120_000);

  it('shows a monitoring value on the goal’s chart and traces it to the import and who made it', async () => {
    const token = await system.token({ role: 'coordinator', subject: 'monitoring-team' });
    const imported = await fetch(`${system.origin}/api/monitoring/measurements/imports`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
      body: 'indicator;region;period;value\nbetreuungsquote-u3;03459;2026;39,4\n',
    });
    expect(imported.status).toBe(201);
    const current = await page();
    await signIn(current, system.origin, COORDINATOR, '/ziele?q=Betreuungsquote');
    await current.getByRole('link', { name: /Betreuungsquote/ }).click();
    const progress = current.getByTestId('progress-table');
    await progress.getByText('aus dem Monitoring').waitFor({ timeout: 30_000 });
    await current.getByTestId('trajectory-table').getByText('39,4').waitFor();
    await progress
      .locator('tr', { hasText: 'aus dem Monitoring' })
      .getByRole('button', { name: /^Nachweis zum Wert/ })
      .click();
    // The trace names the import and who recorded the measurement.
    await current.getByText(/^CSV-Import /).waitFor();
    await current.getByText(/monitoring-team \(Bildungskoordination\)/).waitFor();
    await progress.locator('dd', { hasText: /^Landkreis Osnabrück$/ }).waitFor();
    expect(await current.getByText('Kinder- und Jugendhilfestatistik', { exact: false }).count()).toBeGreaterThan(0);
    await expectAccessible(current, 'ziel-nachweis');
  }, 120_000);

  it('shows an actor only its own goals and lets it record progress for itself only', async () => {
    const current = await page();
    await signIn(current, system.origin, KITA, '/ziele');
    await current.getByTestId('goal-count').waitFor();
    const titles = await current.locator('tbody a').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.filter((title) => !/Betreuungsquote|Sprachförderung/.test(title))).toEqual([]);
    await current.getByRole('link', { name: /Betreuungsquote/ }).click();
    await current.getByRole('heading', { name: /Betreuungsquote/, level: 1 }).waitFor();
    await current.getByTestId('parties-table').waitFor();
    expect(await current.locator('summary.kern-btn').allTextContents()).toEqual(['Fortschritt erfassen …']);
    await expectAccessible(current, 'ziel-akteur');
    // Another party's goal is not shown, even by its address.
    const other = await fetch(`${system.origin}/api/goals/goals?q=Ausbildungsvertr%C3%A4ge`, {
      headers: { Authorization: `Bearer ${await system.token({ role: 'auditor' })}` },
    });
    const otherId = ((await other.json()) as { items: { id: string }[] }).items[0]?.id;
    await current.goto(`${system.origin}/ziele/${otherId}`);
    await current.getByText('Kein Zugriff').waitFor();
  }, 120_000);

  it('shows all values of a goal with more than its document carries, read page by page', async () => {
    const headers = {
      Authorization: `Bearer ${await system.token({ role: 'coordinator' })}`,
      'Content-Type': 'application/json',
    };
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${system.origin}/api/goals${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      });
      expect(response.status).toBeLessThan(300);
      return (await response.json()) as Record<string, unknown>;
    };
    const { goalId } = await post('/goals', {
      title: 'Weiterbildungskurse im Jahresverlauf',
      description: 'Kurse je Woche',
      stage: 'weiterbildung',
      regionKeys: ['03459'],
      parties: [{ id: 'vhs-osnabruecker-land', name: 'VHS Osnabrücker Land', role: 'responsible' }],
      baseline: { value: 0, date: '2026-01-01' },
      target: { value: 200, dueDate: '2028-12-31' },
      unit: 'Kurse',
      direction: 'higher',
    });
    await post(`/goals/${goalId}/proposal`, {});
    await post(`/goals/${goalId}/consents`, { partyId: 'vhs-osnabruecker-land' });
    await post(`/goals/${goalId}/agreement`, { authority: 'Kreisausschuss 2026/077', effectiveOn: '2026-01-02' });
    for (let day = 0; day < 130; day++)
      await post(`/goals/${goalId}/progress`, {
        value: day,
        asOf: new Date(Date.UTC(2026, 0, 2 + day)).toISOString().slice(0, 10),
      });

    const current = await page();
    await signIn(current, system.origin, COORDINATOR, `/ziele/${String(goalId)}`);
    const table = current.getByTestId('progress-table');
    await table.waitFor();
    await current.getByText('Die neuesten 25 von 130 Werten.').waitFor();
    await current.getByRole('button', { name: 'Alle 130 Werte anzeigen' }).click();
    await eventually(async () => (await table.locator('tbody tr').count()) === 130, 30_000);
    // The oldest value is one the goal document does not carry: it came from the second page.
    await table.getByRole('row', { name: /^02\.01\.2026 0 / }).waitFor();
    await expectAccessible(current, 'ziel-alle-werte');
  }, 120_000);

  it('refuses a step based on a goal another tab has changed meanwhile, and offers to reload', async () => {
    const first = await page();
    await signIn(first, system.origin, COORDINATOR, '/ziele?q=Schulabg%C3%A4nge');
    await first.getByRole('link', { name: /Schulabgänge/ }).click();
    // The list has a level-1 heading too: only the goal's own heading and address say the goal is open.
    await first.getByRole('heading', { name: /Schulabgänge/, level: 1 }).waitFor();
    await first.waitForURL(/\/ziele\/[0-9a-f-]{36}$/);
    const second = await page();
    await second.goto(first.url());
    await second.getByRole('heading', { name: /Schulabgänge/, level: 1 }).waitFor();
    for (const [tab, value] of [
      [first, '7,2'],
      [second, '7,5'],
    ] as const) {
      await openStep(tab, 'Fortschritt erfassen');
      await tab.locator('details[open]').getByLabel(/^Wert/).fill(value);
    }
    await second.getByRole('button', { name: 'Fortschritt erfassen', exact: true }).click();
    await second.getByText('Der Fortschritt wurde erfasst.').waitFor();
    await first.getByRole('button', { name: 'Fortschritt erfassen', exact: true }).click();
    await first
      .getByText('Das Ziel wurde inzwischen geändert. Laden Sie es neu und wiederholen Sie Ihre Eingabe.')
      .waitFor();
    await expectAccessible(first, 'ziel-konflikt');
    await first.getByRole('button', { name: 'Neu laden' }).click();
    await first.getByTestId('progress-table').getByText('7,5').waitFor();
    await first.getByRole('button', { name: 'Fortschritt erfassen', exact: true }).click();
    await first.getByText('Der Fortschritt wurde erfasst.').waitFor();
  }, 120_000);

  it('switches to English and back', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR);
    await current.getByRole('button', { name: 'English' }).click();
    await current.getByRole('heading', { name: 'Overview', level: 1 }).waitFor();
    expect(await current.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(current, 'overview-en');
    await current.getByRole('button', { name: 'Deutsch' }).click();
    await current.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
  }, 120_000);

  it('signs out at the provider, and the next visit asks to sign in again', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR);
    await current.getByRole('button', { name: 'Abmelden' }).click();
    await current.getByRole('button', { name: 'Abmelden' }).click();
    await current.getByRole('heading', { name: 'Sie sind abgemeldet' }).waitFor();
    await expectAccessible(current, 'abgemeldet');
    await current.getByRole('button', { name: 'Anmelden' }).click();
    await current.getByRole('heading', { name: 'Anmeldung bei der Bildungsregion' }).waitFor();
  }, 120_000);

  it('sends a person whose token is refused to sign in, and back to the page they were on', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR, '/ziele?status=draft');
    await current.getByTestId('goal-count').waitFor();
    await current.evaluate(() => {
      for (const key of Object.keys(sessionStorage))
        if (key.startsWith('oidc.user:')) {
          const user = JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string };
          user.access_token = 'no.valid.token';
          sessionStorage.setItem(key, JSON.stringify(user));
        }
    });
    const authorizations: string[] = [];
    current.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth/auth') authorizations.push(request.url());
    });
    await current.reload();
    // The provider still knows the person, so it sends them straight back where they were.
    await current.waitForURL(/\/ziele\?status=draft$/);
    await current.getByTestId('goal-count').waitFor();
    expect(authorizations).toHaveLength(1);
  }, 120_000);

  it('renews the access token with its refresh token before it expires, without sending the person away', async () => {
    const current = await page();
    await signIn(current, system.origin, COORDINATOR, '/ziele');
    const accessToken = () =>
      current.evaluate(() => {
        const key = Object.keys(sessionStorage).find((candidate) => candidate.startsWith('oidc.user:'));
        return key
          ? (JSON.parse(sessionStorage.getItem(key) ?? '{}') as { access_token?: string }).access_token
          : undefined;
      });
    const first = await accessToken();
    const authorizations: string[] = [];
    current.on('request', (request) => {
      if (new URL(request.url()).pathname === '/auth/auth') authorizations.push(request.url());
    });
    await eventually(async () => (await accessToken()) !== first, (ACCESS_TOKEN_SECONDS - 60 + 30) * 1000);
    expect(authorizations).toEqual([]);
    await current.getByLabel(/^Status/).selectOption({ label: 'Entwurf' });
    await current.getByTestId('goal-count').filter({ hasText: 'gefunden' }).waitFor();
    expect(new URL(current.url()).pathname).toBe('/ziele');
  }, 120_000);
});
