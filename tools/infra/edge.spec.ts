import { ROLES } from '@bildungsregion/application';
import { builtServices, SERVICES, ServiceName } from '@bildungsregion/service-runtime';
import { describeIf, useTempDir } from '@bildungsregion/testing';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WEB_CLIENT_ID } from '../dev/identity/web-client';

const root = join(__dirname, '..', '..');
const nginxDir = join(root, 'infra', 'nginx');
const nginxConf = readFileSync(join(nginxDir, 'nginx.conf'), 'utf8');
const hasNginx = spawnSync('nginx', ['-v']).status === 0;

/** Upstream name → its server addresses, from an upstreams file. */
function upstreamsOf(file: string): Record<string, string[]> {
  const text = readFileSync(join(nginxDir, file), 'utf8');
  return Object.fromEntries(
    [...text.matchAll(/upstream\s+([\w-]+)\s*\{([^}]*)\}/g)].map(([, name, body]) => [
      name,
      [...(body ?? '').matchAll(/server\s+([^;\s]+)/g)].map((match) => match[1] ?? ''),
    ]),
  );
}

/** `nginx -t` with the configuration in `prefix`; stdout is not a socket, so the access log can open it. */
function nginxTest(prefix: string) {
  return spawnSync('nginx', ['-t', '-c', join(prefix, 'nginx.conf'), '-p', `${prefix}/`], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

describe('the production reverse proxy (infra/nginx)', () => {
  const services = builtServices(root);

  it('routes /api/<service>/ to every built service and to nothing else, with the prefix removed', () => {
    const routed = [...nginxConf.matchAll(/location \/api\/([\w-]+)\/ \{\s*proxy_pass http:\/\/([\w-]+)\/;/g)];
    expect(routed.map(([, path]) => path).sort()).toEqual([...services].sort());
    for (const [, path, upstream] of routed) expect(upstream).toBe(path);
    expect(nginxConf).toMatch(/location \/auth\/ \{\s*proxy_pass http:\/\/identity;/);
  });

  it('has upstreams for the same services in both files: registry ports on loopback, compose names in compose', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { volumes?: string[] }>;
    };
    const loopback = upstreamsOf('upstreams.loopback.conf');
    const composed = upstreamsOf('upstreams.compose.conf');
    expect(Object.keys(loopback).sort()).toEqual([...services, 'identity'].sort());
    expect(Object.keys(composed).sort()).toEqual([...services, 'identity'].sort());
    for (const service of services as ServiceName[]) {
      expect([service, loopback[service]]).toEqual([service, [`127.0.0.1:${SERVICES[service].port}`]]);
      expect([service, composed[service]]).toEqual([service, [`${service}:${SERVICES[service].port}`]]);
      expect(compose.services[service]).toBeDefined();
    }
    expect(loopback['identity']).toEqual(['127.0.0.1:3009']);
    expect(composed['identity']).toEqual(['keycloak:8080']);
    expect(compose.services['web']?.volumes).toContain(
      './infra/nginx/upstreams.compose.conf:/etc/nginx/bildungsregion/upstreams.conf:ro',
    );
  });

  describeIf(hasNginx, 'nginx', 'nginx -t', 'nginx -t', 'nginx is not installed (apt-get install nginx)', () => {
    const dir = useTempDir();

    it.each(['upstreams.loopback.conf', 'upstreams.compose.conf'])('accepts the configuration with %s', (file) => {
      copyFileSync(join(nginxDir, 'nginx.conf'), join(dir(), 'nginx.conf'));
      mkdirSync(join(dir(), 'tmp'), { recursive: true });
      // Compose names resolve only inside compose; nginx -t resolves upstream hosts, so they become loopback here.
      writeFileSync(
        join(dir(), 'upstreams.conf'),
        readFileSync(join(nginxDir, file), 'utf8').replace(/server [\w-]+:/g, 'server 127.0.0.1:'),
      );
      const check = nginxTest(dir());
      expect([check.status, check.stderr]).toEqual([0, expect.stringContaining('test is successful')]);
    });

    it('refuses a broken configuration, so the check can fail', () => {
      writeFileSync(join(dir(), 'nginx.conf'), nginxConf.replace('include upstreams.conf;', 'include upstreams.conf'));
      writeFileSync(join(dir(), 'upstreams.conf'), readFileSync(join(nginxDir, 'upstreams.loopback.conf'), 'utf8'));
      expect(nginxTest(dir()).status).not.toBe(0);
    });
  });
});

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}

describe('the Keycloak realm (infra/keycloak)', () => {
  const realm = JSON.parse(readFileSync(join(root, 'infra', 'keycloak', 'bildungsregion-realm.json'), 'utf8')) as {
    realm: string;
    roles: { realm: { name: string }[] };
    clientScopes: { name: string; protocolMappers: Mapper[] }[];
    clients: {
      clientId: string;
      publicClient: boolean;
      standardFlowEnabled: boolean;
      implicitFlowEnabled: boolean;
      directAccessGrantsEnabled: boolean;
      redirectUris: string[];
      webOrigins: string[];
      attributes: Record<string, string>;
      defaultClientScopes: string[];
    }[];
  };
  const client = realm.clients.find((candidate) => candidate.clientId === WEB_CLIENT_ID);
  const scope = (name: string) => realm.clientScopes.find((candidate) => candidate.name === name);
  const webApp = readFileSync(join(root, 'apps', 'web', 'src', 'auth', 'session.ts'), 'utf8');

  it('has our roles as realm roles', () => {
    expect(realm.roles.realm.map((role) => role.name).sort()).toEqual([...ROLES].sort());
  });

  it('registers the web app as a public client with the code flow and PKCE only, back to /anmeldung', () => {
    expect(client).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      redirectUris: ['${BILDUNGSREGION_ORIGIN}/anmeldung'],
      webOrigins: ['${BILDUNGSREGION_ORIGIN}'],
      attributes: {
        'pkce.code.challenge.method': 'S256',
        'post.logout.redirect.uris': '${BILDUNGSREGION_ORIGIN}/abgemeldet',
      },
    });
    expect(webApp).toContain(`CLIENT_ID = '${WEB_CLIENT_ID}'`);
    expect(webApp).toContain('redirect_uri: `${location.origin}/anmeldung`');
    expect(webApp).toContain('post_logout_redirect_uri: `${location.origin}/abgemeldet`');
  });

  it('gives every scope the web app asks for, and puts audience, roles and actor_id into the access token', () => {
    const requested = /scope: '([^']+)'/.exec(webApp)?.[1]?.split(' ') ?? [];
    expect(requested).toContain('api');
    for (const name of requested.filter((name) => name !== 'openid')) {
      expect([name, client?.defaultClientScopes.includes(name)]).toEqual([name, true]);
      expect([name, scope(name)]).toEqual([name, expect.anything()]);
    }
    const mappers = scope('api')?.protocolMappers ?? [];
    const find = (type: string) => mappers.find((mapper) => mapper.protocolMapper === type)?.config;
    expect(find('oidc-audience-mapper')).toMatchObject({
      'included.custom.audience': 'bildungsregion',
      'access.token.claim': 'true',
    });
    expect(find('oidc-usermodel-realm-role-mapper')).toMatchObject({
      'claim.name': 'roles',
      multivalued: 'true',
      'access.token.claim': 'true',
      'id.token.claim': 'true',
    });
    expect(find('oidc-usermodel-attribute-mapper')).toMatchObject({
      'user.attribute': 'actor_id',
      'claim.name': 'actor_id',
      'access.token.claim': 'true',
    });
  });

  it('is the realm the compose services trust', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain(`/auth/realms/${realm.realm}/protocol/openid-connect/certs`);
    expect(compose).toContain(`/auth/realms/${realm.realm}`);
    expect(existsSync(join(root, 'infra', 'keycloak', `${realm.realm}-realm.json`))).toBe(true);
  });
});
