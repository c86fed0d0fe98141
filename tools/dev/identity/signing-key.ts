import { exportJWK, generateKeyPair, importJWK, JWK, SignJWT } from 'jose';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_AUDIENCE, TokenRequest } from '@bildungsregion/http';

/** Where the development provider's issuer is reached by browsers: through the one origin of `npm start`. */
export const DEVELOPMENT_ISSUER = 'http://localhost:3000/auth';
export const SIGNING_ALGORITHM = 'RS256';

/** The provider's private signing key and its cookie keys, kept across restarts. */
export interface IdentityKeys {
  readonly signingKey: JWK & { kid: string };
  readonly cookieKeys: string[];
}

export function identityKeysFile(dataDir: string): string {
  return join(dataDir, 'identity', 'keys.json');
}

/** Reads the keys under the data directory, creating them at the first start (readable by the owner only). */
export async function loadOrCreateIdentityKeys(dataDir: string): Promise<IdentityKeys> {
  const file = identityKeysFile(dataDir);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as IdentityKeys;
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const keys: IdentityKeys = {
    signingKey: { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: SIGNING_ALGORITHM, use: 'sig' },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
  return keys;
}

/** An access token signed with the provider's own key, so it passes the same JWKS check as a signed-in user's. */
export async function signWithIdentityKey(
  keys: IdentityKeys,
  request: TokenRequest,
  issuer = DEVELOPMENT_ISSUER,
): Promise<string> {
  if (request.role === 'actor' && !request.actorId) throw new Error('An actor token needs an actor id.');
  return new SignJWT({ roles: [request.role], ...(request.actorId ? { actor_id: request.actorId } : {}) })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.signingKey.kid, typ: 'at+jwt' })
    .setSubject(request.subject ?? request.actorId ?? `dev-${request.role}`)
    .setIssuer(issuer)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(await importJWK(keys.signingKey, SIGNING_ALGORITHM));
}
