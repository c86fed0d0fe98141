import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { InvalidTokenError, issueToken, TokenVerifier } from '../src';

const secret = 'a-secret-for-tests-of-sufficient-length';

describe('bearer tokens', () => {
  it('reads the role and the id from a token signed with the configured secret', async () => {
    const verifier = new TokenVerifier({ secret });
    expect(await verifier.verify(await issueToken(secret, { role: 'coordinator', subject: 'k.meyer' }))).toEqual({
      id: 'k.meyer',
      role: 'coordinator',
    });
    expect(await verifier.verify(await issueToken(secret, { role: 'actor', actorId: 'vhs-osnabrueck' }))).toEqual({
      id: 'vhs-osnabrueck',
      role: 'actor',
    });
  });

  it('refuses tokens of another issuer, audience or secret, and expired ones', async () => {
    const verifier = new TokenVerifier({ secret });
    await expect(
      verifier.verify(await issueToken(secret, { role: 'auditor' }, { issuer: 'elsewhere' })),
    ).rejects.toThrow(InvalidTokenError);
    await expect(
      verifier.verify(await issueToken(secret, { role: 'auditor' }, { audience: 'other-app' })),
    ).rejects.toThrow(InvalidTokenError);
    await expect(verifier.verify(await issueToken(`${secret}!`, { role: 'auditor' }))).rejects.toThrow(
      InvalidTokenError,
    );
    await expect(verifier.verify(await issueToken(secret, { role: 'auditor', expiresIn: '-1s' }))).rejects.toThrow(
      /expired/,
    );
    await expect(verifier.verify('not.a.token')).rejects.toThrow(InvalidTokenError);
  });

  it('remembers a verified token by its exact text and only until it expires', async () => {
    const verifier = new TokenVerifier({ secret });
    const token = await issueToken(secret, { role: 'coordinator', subject: 'k.meyer', expiresIn: '2s' });
    expect(await verifier.verify(token)).toEqual({ id: 'k.meyer', role: 'coordinator' });

    const [header, payload, signature] = token.split('.') as [string, string, string];
    const forged = `${header}.${payload}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    await expect(verifier.verify(forged)).rejects.toThrow(InvalidTokenError);

    const expiry = JSON.parse(Buffer.from(payload, 'base64url').toString()).exp * 1000;
    await new Promise((resolve) => setTimeout(resolve, expiry - Date.now() + 50));
    await expect(verifier.verify(token)).rejects.toThrow(/expired/);
  });

  it.each(['none', 'RS256', 'ES256', 'PS256', 'EdDSA', 'dir', 'HS256x'])(
    'refuses a token whose header names the algorithm %s as an invalid token, not as a failure',
    async (alg) => {
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const claims = { sub: 'intruder', roles: ['admin'], iss: 'bildungsregion', aud: 'bildungsregion' };
      const header = alg === 'dir' ? { alg, enc: 'A256GCM' } : { alg, typ: 'JWT' };
      const token = `${part(header)}.${part(claims)}.${Buffer.from('signature').toString('base64url')}`;
      await expect(new TokenVerifier({ secret }).verify(token)).rejects.toThrow(InvalidTokenError);
    },
  );

  describe('from an OIDC provider’s JWKS', () => {
    let server: Server;
    let jwksUrl: string;
    let sign: (claims: Record<string, unknown>, subject?: string) => Promise<string>;

    beforeAll(async () => {
      const { publicKey, privateKey } = await generateKeyPair('RS256');
      const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
      server = createServer((_request, response) =>
        response.setHeader('Content-Type', 'application/json').end(JSON.stringify({ keys: [jwk] })),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/certs`;
      sign = (claims, subject = 'user-1') =>
        new SignJWT(claims)
          .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
          .setSubject(subject)
          .setIssuer('https://keycloak.example/realms/bildung')
          .setAudience('bildungsregion')
          .setExpirationTime('5m')
          .sign(privateKey);
    });

    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('accepts Keycloak realm roles and names the strongest one', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://keycloak.example/realms/bildung' });
      const token = await sign({ realm_access: { roles: ['offline_access', 'auditor', 'coordinator'] } });
      expect(await verifier.verify(token)).toEqual({ id: 'user-1', role: 'coordinator' });
    });

    it('refuses a token without a known role, and an actor token without an actor id', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://keycloak.example/realms/bildung' });
      await expect(verifier.verify(await sign({ roles: ['guest'] }))).rejects.toThrow(/none of the roles/);
      await expect(verifier.verify(await sign({ roles: ['actor'] }))).rejects.toThrow(/actor_id/);
    });

    it('refuses an HMAC token even when it is signed with a public key of the set', async () => {
      const verifier = new TokenVerifier({ jwksUrl, issuer: 'https://keycloak.example/realms/bildung' });
      const token = await new SignJWT({ roles: ['admin'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
        .setSubject('intruder')
        .setIssuer('https://keycloak.example/realms/bildung')
        .setAudience('bildungsregion')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
      await expect(verifier.verify(token)).rejects.toThrow(InvalidTokenError);
    });
  });
});
