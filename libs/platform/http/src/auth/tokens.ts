import { createRemoteJWKSet, errors, JWTPayload, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import { Principal, Role, ROLES } from '@bildungsregion/application';

/** Signs development tokens when no secret is configured; refused when NODE_ENV=production. */
export const DEVELOPMENT_SECRET = 'bildungsregion-development-secret-not-for-production';
export const DEFAULT_ISSUER = 'bildungsregion';
export const DEFAULT_AUDIENCE = 'bildungsregion';

export interface TokenSettings {
  /** Shared secret for HS256 tokens; ignored when `jwksUrl` is set. */
  readonly secret?: string;
  /** JWKS endpoint of an OIDC provider (e.g. Keycloak's …/protocol/openid-connect/certs). */
  readonly jwksUrl?: string;
  readonly issuer?: string;
  readonly audience?: string;
}

export class InvalidTokenError extends Error {}

/** A shared secret signs with HMAC only; a JWKS holds public keys, which never verify an HMAC. */
export const SECRET_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
export const JWKS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];

function roleOf(payload: JWTPayload): Role {
  const realmRoles = (payload['realm_access'] as { roles?: unknown } | undefined)?.roles;
  const claimed = [
    payload['role'],
    ...(Array.isArray(payload['roles']) ? payload['roles'] : []),
    ...(Array.isArray(realmRoles) ? realmRoles : []),
  ];
  // With several roles the most powerful one counts.
  const role = (['admin', 'coordinator', 'auditor', 'actor'] as const).find((candidate) => claimed.includes(candidate));
  if (!role) throw new InvalidTokenError(`The token carries none of the roles ${ROLES.join(', ')}.`);
  return role;
}

/** How long a verified token is taken on its word before its signature is checked again. */
const VERIFIED_FOR_MS = 60_000;

/**
 * Verifies bearer tokens with a secret or a JWKS and reads the caller's role and id from them. A
 * client sends one token with every request, so a token verified once is remembered (its exact text,
 * never past its expiry) and its signature is not checked again on every request.
 */
export class TokenVerifier {
  private readonly verifyJwt: (token: string) => Promise<{ payload: JWTPayload }>;
  private readonly verified = new LRUCache<string, Principal>({ max: 1_000 });

  constructor(settings: TokenSettings) {
    const options = { issuer: settings.issuer ?? DEFAULT_ISSUER, audience: settings.audience ?? DEFAULT_AUDIENCE };
    if (settings.jwksUrl) {
      const keys = createRemoteJWKSet(new URL(settings.jwksUrl));
      this.verifyJwt = (token) => jwtVerify(token, keys, { ...options, algorithms: JWKS_ALGORITHMS });
    } else if (settings.secret) {
      const key = new TextEncoder().encode(settings.secret);
      this.verifyJwt = (token) => jwtVerify(token, key, { ...options, algorithms: SECRET_ALGORITHMS });
    } else {
      throw new Error('Token verification needs JWT_SECRET or JWT_JWKS_URL.');
    }
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    const { principal, expiresAt } = await this.verifyOnce(token);
    const ttl = Math.min(VERIFIED_FOR_MS, expiresAt - Date.now());
    if (ttl > 0) this.verified.set(token, principal, { ttl });
    return principal;
  }

  private async verifyOnce(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      payload = (await this.verifyJwt(token)).payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new InvalidTokenError('The token has expired; get a new one.');
      if (error instanceof errors.JOSEError) throw new InvalidTokenError(`The token is not valid: ${error.message}.`);
      // jose answers some malformed headers with a TypeError; whatever it is, the caller is not authenticated.
      throw new InvalidTokenError('The token is not valid.');
    }
    const role = roleOf(payload);
    const id = role === 'actor' ? payload['actor_id'] : payload.sub;
    if (typeof id !== 'string' || id === '') {
      throw new InvalidTokenError(
        role === 'actor'
          ? 'An actor token must name the actor in its actor_id claim.'
          : 'The token has no subject (sub).',
      );
    }
    return { principal: { id, role }, expiresAt: payload.exp === undefined ? Infinity : payload.exp * 1000 };
  }
}

export interface TokenRequest {
  readonly role: Role;
  readonly subject?: string;
  readonly actorId?: string;
  /** Lifetime, e.g. `8h` or `30m`. */
  readonly expiresIn?: string;
}

/** Issues an HS256 token for local use and tests. */
export function issueToken(
  secret: string,
  request: TokenRequest,
  settings: Pick<TokenSettings, 'issuer' | 'audience'> = {},
): Promise<string> {
  if (request.role === 'actor' && !request.actorId) throw new Error('An actor token needs an actor id.');
  return new SignJWT({ roles: [request.role], ...(request.actorId ? { actor_id: request.actorId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(request.subject ?? request.actorId ?? `dev-${request.role}`)
    .setIssuer(settings.issuer ?? DEFAULT_ISSUER)
    .setAudience(settings.audience ?? DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(new TextEncoder().encode(secret));
}
