import { DEVELOPMENT_ACCOUNTS } from './accounts';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – Bildungsregion</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
.hinweis { border-left: 6px solid #8a5300; background: #fff4e0; padding: .75rem 1rem; }
fieldset { border: 1px solid #6b6b6b; padding: 1rem; margin: 1rem 0; }
label { display: block; padding: .25rem 0; }
button { font: inherit; padding: .5rem 1rem; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
:focus-visible { outline: 3px solid #e07b00; outline-offset: 2px; }
.fehler { color: #a4000f; font-weight: bold; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The sign-in page of the development provider: pick an account, no password. */
export function signInPage(action: string, error?: string): string {
  const accounts = DEVELOPMENT_ACCOUNTS.map(
    (account, index) =>
      `<label><input type="radio" name="account" value="${escape(account.id)}"${index === 0 ? ' checked' : ''}> ${escape(account.name)}</label>`,
  ).join('\n');
  return page(
    'Anmeldung (Entwicklung)',
    `<h1>Anmeldung bei der Bildungsregion</h1>
<p class="hinweis"><strong>Nur für die Entwicklung.</strong> Diese Anmeldeseite gehört zum lokalen Entwicklungsbetrieb und fragt kein Passwort ab. Im Betrieb melden Sie sich beim Identitätsanbieter Ihrer Verwaltung an.</p>
${error ? `<p class="fehler" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${escape(action)}">
<fieldset>
<legend>Als wer möchten Sie sich anmelden? (Pflichtfeld)</legend>
${accounts}
</fieldset>
<button type="submit">Anmelden</button>
</form>`,
  );
}

/** Confirms sign-out; the form is the provider's, with its protection against forged requests. */
export function signOutPage(form: string): string {
  return page(
    'Abmelden',
    `<h1>Abmelden</h1>
<p>Möchten Sie sich von der Bildungsregion abmelden?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Abmelden</button>`,
  );
}

export function errorPage(message: string): string {
  return page(
    'Anmeldung nicht möglich',
    `<h1>Anmeldung nicht möglich</h1>
<p role="alert">${escape(message)}</p>
<p><a href="/">Zur Startseite</a></p>`,
  );
}
