import express, { Express } from 'express';
import Provider, { Configuration, errors, KoaContextWithOIDC } from 'oidc-provider';
import { DEFAULT_AUDIENCE } from '@bildungsregion/http';
import { claimsOf, developmentAccount } from './accounts';
import { errorPage, signInPage, signOutPage } from './pages';
import { IdentityKeys, SIGNING_ALGORITHM } from './signing-key';
import { WEB_CLIENT_ID } from './web-client';

/** The resource indicator of our API; access tokens for it carry `aud` = bildungsregion. */
export const API_RESOURCE = 'urn:bildungsregion:api';

export interface IdentityProviderOptions {
  /** Where browsers reach the provider, e.g. http://localhost:3000/auth. */
  readonly issuer: string;
  readonly keys: IdentityKeys;
  /** Origins the web app is served from; each gets its sign-in callback and sign-out return address. */
  readonly webOrigins: readonly string[];
  /** Lifetime of access tokens; the web app renews them with its refresh token before they expire. */
  readonly accessTokenSeconds?: number;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;

function configuration(options: IdentityProviderOptions): Configuration {
  const accessTokenTTL = options.accessTokenSeconds ?? 15 * MINUTE;
  return {
    clients: [
      {
        client_id: WEB_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: options.webOrigins.map((origin) => `${origin}/anmeldung`),
        post_logout_redirect_uris: options.webOrigins.map((origin) => `${origin}/abgemeldet`),
      },
    ],
    jwks: { keys: [options.keys.signingKey] },
    cookies: { keys: options.keys.cookieKeys },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'offline_access'],
    claims: { openid: ['sub'], profile: ['name', 'roles', 'actor_id'] },
    // The web app reads name and role from the ID token, not from a userinfo call.
    conformIdTokenClaims: false,
    async findAccount(_ctx, id) {
      const account = developmentAccount(id);
      return account ? { accountId: id, claims: () => ({ sub: id, ...claimsOf(account) }) } : undefined;
    },
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !('accountId' in token) || typeof token.accountId !== 'string')
        return undefined;
      const account = developmentAccount(token.accountId);
      return account ? claimsOf(account) : undefined;
    },
    // The web app is our own: a signed-in person needs no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) {
        const grant = await ctx.oidc.provider.Grant.find(existing);
        if (grant) return grant;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid profile offline_access');
      grant.addOIDCClaims(['name', 'roles', 'actor_id']);
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource) => {
          if (resource !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: DEFAULT_AUDIENCE,
            accessTokenTTL,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALGORITHM } },
          };
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${new URL(options.issuer).pathname}/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: accessTokenTTL,
      AuthorizationCode: MINUTE,
      IdToken: 15 * MINUTE,
      Interaction: HOUR,
      Session: 8 * HOUR,
      Grant: 8 * HOUR,
      RefreshToken: 8 * HOUR,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(
        `Der Anmeldedienst hat die Anfrage abgelehnt (${out['error']}). Bitte beginnen Sie die Anmeldung erneut.`,
      );
    },
  };
}

/** The development OpenID Provider (panva's oidc-provider) as an express app, mounted at the issuer's path. */
export function identityProviderApp(options: IdentityProviderOptions): Express {
  const provider = new Provider(options.issuer, configuration(options));
  // Browsers reach the provider through the gateway, which says so in X-Forwarded-* headers.
  provider.proxy = true;
  const mount = new URL(options.issuer).pathname;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get(`${mount}/interaction/:uid`, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        res.type('html').send(signInPage(`${mount}/interaction/${details.uid}/login`));
        return;
      }
      // Consent is granted by loadExistingGrant; anything else left to ask is answered as done.
      await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  app.post(`${mount}/interaction/:uid/login`, express.urlencoded({ extended: false }), async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const accountId = typeof req.body?.account === 'string' ? req.body.account : '';
      if (!developmentAccount(accountId)) {
        res
          .status(400)
          .type('html')
          .send(signInPage(`${mount}/interaction/${details.uid}/login`, 'Bitte wählen Sie ein Konto aus der Liste.'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });

  app.use(mount, provider.callback());
  app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const expired = error instanceof errors.SessionNotFound || error instanceof errors.InvalidRequest;
    res
      .status(expired ? 400 : 500)
      .type('html')
      .send(
        errorPage(
          expired
            ? 'Die Anmeldung ist abgelaufen. Bitte öffnen Sie die Bildungsregion erneut.'
            : 'Beim Anmelden ist ein Fehler aufgetreten. Bitte versuchen Sie es erneut.',
        ),
      );
  });
  return app;
}
