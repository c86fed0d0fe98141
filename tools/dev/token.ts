/**
 * Prints a development bearer token and nothing else, so scripts can use it:
 *
 *   TOKEN=$(npm run -s token -- --role coordinator)
 *   npm run -s token -- --role actor --actor kita-traeger-verbund
 *
 * Signed with JWT_SECRET, or with the development secret the services use when none is set.
 * Options: --role coordinator|auditor|actor|admin, --actor <actor id> (for actors), --subject <user>,
 * --expires-in <8h | 30m | …>. Exits 2 on bad usage.
 */
import { parseArgs } from 'node:util';
import { Role, ROLES } from '@bildungsregion/application';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { runCommand } from '../cli/run-command';

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
  const token = await issueToken(
    process.env['JWT_SECRET'] ?? DEVELOPMENT_SECRET,
    {
      role,
      ...(values.actor ? { actorId: values.actor } : {}),
      ...(values.subject ? { subject: values.subject } : {}),
      ...(values['expires-in'] ? { expiresIn: values['expires-in'] } : {}),
    },
    { issuer: process.env['JWT_ISSUER'] ?? DEFAULT_ISSUER, audience: process.env['JWT_AUDIENCE'] ?? DEFAULT_AUDIENCE },
  );
  process.stdout.write(`${token}\n`);
  return 0;
});
