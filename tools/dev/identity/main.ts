/**
 * The development OpenID Provider that `npm start` runs: sign-in for the web app with one account per
 * role, access tokens as JWTs for the services. IDENTITY_PORT (default 3009), IDENTITY_ISSUER (default
 * http://localhost:3000/auth), WEB_ORIGINS (comma-separated, default http://localhost:3000), DATA_DIR,
 * IDENTITY_ACCESS_TOKEN_SECONDS (default 900).
 */
import { runCommand } from '../../cli/run-command';
import { identityProviderApp } from './provider';
import { DEVELOPMENT_ISSUER, loadOrCreateIdentityKeys } from './signing-key';

runCommand(async () => {
  const keys = await loadOrCreateIdentityKeys(process.env['DATA_DIR'] ?? 'data');
  const app = identityProviderApp({
    issuer: process.env['IDENTITY_ISSUER'] ?? DEVELOPMENT_ISSUER,
    keys,
    webOrigins: (process.env['WEB_ORIGINS'] ?? 'http://localhost:3000').split(',').map((origin) => origin.trim()),
    accessTokenSeconds: Number(process.env['IDENTITY_ACCESS_TOKEN_SECONDS'] ?? 900),
  });
  const port = Number(process.env['IDENTITY_PORT'] ?? 3009);
  const server = app.listen(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
  process.stderr.write(`identity: development sign-in on port ${port}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
});
