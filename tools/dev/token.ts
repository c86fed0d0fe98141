/**
 * Prints a development bearer token and nothing else, so scripts can use it:
 *
 *   TOKEN=$(npm run -s token -- --role coordinator)
 *   npm run -s token -- --role actor --actor kita-traeger-verbund
 *
 * Signed with the development identity provider's key under DATA_DIR (created if it is not there yet),
 * so the services of `npm start` accept it through the provider's JWKS like a signed-in user's token;
 * issuer IDENTITY_ISSUER (default http://localhost:3000/auth). With JWT_SECRET set, it is an HS256 token
 * signed with that secret instead, for services configured with the same secret.
 * Options: --role coordinator|auditor|actor|admin, --actor <actor id> (for actors), --subject <user>,
 * --expires-in <8h | 30m | …>. Exits 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { Role, ROLES } from '@bildungsregion/application';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, issueToken, TokenRequest } from '@bildungsregion/http';
import { runCommand } from '../cli/run-command';
import { DEVELOPMENT_ISSUER, loadOrCreateIdentityKeys, signWithIdentityKey } from './identity/signing-key';

const usage = `usage: token --role ${ROLES.join('|')} [--actor <actor id>] [--subject <user>] [--expires-in 8h]`;

runCommand(async () => {
  const { values } = (() => {
    try {
      return parseArgs({
        options: {
          role: { type: 'string' },
          actor: { type: 'string' },
          subject: { type: 'string' },
          'expires-in': { type: 'string' },
        },
        strict: true,
      });
    } catch (error) {
      throw new Error(`${usage}\n${(error as Error).message}`);
    }
  })();
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role))
    throw new Error(`${usage}\n--role is required and must be one of ${ROLES.join(', ')}.`);
  if (role === 'actor' && !values.actor) throw new Error(`${usage}\nAn actor token needs --actor <actor id>.`);
  const request: TokenRequest = {
    role,
    ...(values.actor ? { actorId: values.actor } : {}),
    ...(values.subject ? { subject: values.subject } : {}),
    ...(values['expires-in'] ? { expiresIn: values['expires-in'] } : {}),
  };
  const secret = process.env['JWT_SECRET'];
  const token = secret
    ? await issueToken(secret, request, {
        issuer: process.env['JWT_ISSUER'] ?? DEFAULT_ISSUER,
        audience: process.env['JWT_AUDIENCE'] ?? DEFAULT_AUDIENCE,
      })
    : await signWithIdentityKey(
        await loadOrCreateIdentityKeys(process.env['DATA_DIR'] ?? 'data'),
        request,
        process.env['IDENTITY_ISSUER'] ?? DEVELOPMENT_ISSUER,
      );
  process.stdout.write(`${token}\n`);
  return 0;
});
