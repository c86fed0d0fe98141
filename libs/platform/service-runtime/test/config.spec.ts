import { DEVELOPMENT_SECRET } from '@bildungsregion/http';
import { LANDKREIS_OSNABRUECK } from '@bildungsregion/reference-data';
import { loadServiceConfig } from '../src';

const loadConfig = (env: NodeJS.ProcessEnv) => loadServiceConfig('goals', env);

describe('service configuration', () => {
  it('runs on the embedded defaults without any setting', () => {
    expect(loadConfig({})).toMatchObject({
      service: 'goals',
      port: 3001,
      district: LANDKREIS_OSNABRUECK,
      eventStoreUrl: 'sqlite:data/goals/events.sqlite',
      busUrl: 'sqlite:data/bus.sqlite',
      readModelsUrl: 'memory:',
      tokens: { secret: DEVELOPMENT_SECRET },
      seedSampleData: false,
    });
  });

  it('names every bad setting', () => {
    expect(() => loadConfig({ PORT: 'http', DISTRICT: '09772', SEED_SAMPLE_DATA: 'yes' })).toThrow(
      /PORT: .*; DISTRICT: must be the AGS of a district with reference data: 03459; SEED_SAMPLE_DATA: /,
    );
    expect(() => loadServiceConfig('library', {})).toThrow(/no service library in the registry/);
  });

  it('refuses the development secret in production, and treats empty variables as unset', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: '', JWT_JWKS_URL: '' })).toThrow(
      /set JWT_SECRET or JWT_JWKS_URL/,
    );
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_JWKS_URL: 'https://keycloak.example/realms/bildung/protocol/openid-connect/certs',
      }).tokens,
    ).toEqual({
      jwksUrl: 'https://keycloak.example/realms/bildung/protocol/openid-connect/certs',
      issuer: 'bildungsregion',
      audience: 'bildungsregion',
    });
  });
});
