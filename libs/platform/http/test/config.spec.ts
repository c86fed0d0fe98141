import { DEVELOPMENT_SECRET, loadServiceConfig } from '../src';

const loadConfig = (env: NodeJS.ProcessEnv) => loadServiceConfig({ name: 'goals', port: 3001 }, env);

describe('service configuration', () => {
  it('runs on the embedded defaults without any setting', () => {
    expect(loadConfig({})).toMatchObject({
      port: 3001,
      eventStoreUrl: 'sqlite:data/goals/events.sqlite',
      busUrl: 'sqlite:data/bus.sqlite',
      readModelsUrl: 'memory:',
      tokens: { secret: DEVELOPMENT_SECRET },
      seedSampleData: false,
    });
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'http', SEED_SAMPLE_DATA: 'yes' })).toThrow(/PORT: .*; SEED_SAMPLE_DATA: /);
  });

  it('refuses the development secret in production, and treats empty variables as unset', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '', JWT_JWKS_URL: '' })).toThrow(/set JWT_SECRET or JWT_JWKS_URL/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_JWKS_URL: 'https://keycloak.example/realms/bildung/protocol/openid-connect/certs' }).tokens).toEqual({
      jwksUrl: 'https://keycloak.example/realms/bildung/protocol/openid-connect/certs',
      issuer: 'bildungsregion',
      audience: 'bildungsregion',
    });
  });
});
