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
      stopTimeoutMs: 25_000,
    });
  });

  it.each([
    ['mongodb://db:27017/goals_trial', undefined, 'goals_trial'],
    ['mongodb://user:p%40ss@db1:27017,db2:27017/bildung%5Fa?replicaSet=rs0', undefined, 'bildung_a'],
    ['mongodb+srv://cluster.example/prod?retryWrites=true', undefined, 'prod'],
    ['mongodb://db:27017/', undefined, 'goals'],
    ['mongodb://db:27017', undefined, 'goals'],
    ['mongodb://db:27017/goals_trial', 'goals_override', 'goals_override'],
  ])('takes the read-model database of %s (READ_MODELS_DB %s) to be %s', (url, db, expected) => {
    expect(loadConfig({ READ_MODELS_URL: url, ...(db ? { READ_MODELS_DB: db } : {}) }).readModelsDb).toBe(expected);
  });

  it('names every bad setting', () => {
    expect(() =>
      loadConfig({ PORT: 'http', DISTRICT: '09772', SEED_SAMPLE_DATA: 'yes', STOP_TIMEOUT_MS: '500' }),
    ).toThrow(
      /PORT: .*; DISTRICT: must be the AGS of a district with reference data: 03459; SEED_SAMPLE_DATA: .*; STOP_TIMEOUT_MS: Too small: expected number to be >=1000/,
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
