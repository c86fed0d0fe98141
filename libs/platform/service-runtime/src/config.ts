import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_SECRET, TokenSettings } from '@bildungsregion/http';
import { databaseInUrl } from '@bildungsregion/read-models';
import { District, DISTRICTS, districtOf } from '@bildungsregion/reference-data';
import { z } from 'zod';
import { serviceEntry } from './registry';

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/** What every service is configured with; the defaults run it on one machine with no set-up. */
export interface ServiceConfig {
  readonly service: string;
  readonly port: number;
  /** The Landkreis this deployment serves, with its municipalities (`DISTRICT`, its AGS). */
  readonly district: District;
  readonly eventStoreUrl: string;
  readonly busUrl: string;
  readonly readModelsUrl: string;
  /** `READ_MODELS_DB`, else the database named in `READ_MODELS_URL`, else the service's name. */
  readonly readModelsDb: string;
  readonly topicNamespace: string;
  readonly tokens: TokenSettings;
  readonly seedSampleData: boolean;
  readonly logLevel: string;
}

/** Reads a registered service's configuration from environment variables and names every bad one. */
export function loadServiceConfig(name: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const service = serviceEntry(name);
  const environment = z.object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(service.port),
    DISTRICT: z
      .string()
      .default('03459')
      .refine(
        (key) => districtOf(key) !== undefined,
        `must be the AGS of a district with reference data: ${DISTRICTS.map((district) => district.region.key).join(', ')}`,
      ),
    EVENT_STORE_URL: z.string().min(1).default(`sqlite:data/${service.name}/events.sqlite`),
    BUS_URL: z.string().min(1).default('sqlite:data/bus.sqlite'),
    READ_MODELS_URL: z.string().min(1).default('memory:'),
    READ_MODELS_DB: z.string().min(1).optional(),
    TOPIC_NAMESPACE: z.string().default(''),
    JWT_SECRET: z.string().min(16).optional(),
    JWT_JWKS_URL: z.url().optional(),
    JWT_ISSUER: z.string().min(1).default(DEFAULT_ISSUER),
    JWT_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
    SEED_SAMPLE_DATA: flag.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
  });
  // An empty variable (as compose passes an unset one) means "not set".
  const parsed = environment.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success) {
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  const settings = parsed.data;
  if (!settings.JWT_SECRET && !settings.JWT_JWKS_URL && settings.NODE_ENV === 'production') {
    throw new Error(
      'Invalid configuration: set JWT_SECRET or JWT_JWKS_URL; the development secret is refused in production.',
    );
  }
  return {
    service: service.name,
    port: settings.PORT,
    district: districtOf(settings.DISTRICT) as District,
    eventStoreUrl: settings.EVENT_STORE_URL,
    busUrl: settings.BUS_URL,
    readModelsUrl: settings.READ_MODELS_URL,
    readModelsDb: settings.READ_MODELS_DB ?? databaseInUrl(settings.READ_MODELS_URL) ?? service.name,
    topicNamespace: settings.TOPIC_NAMESPACE,
    tokens: {
      ...(settings.JWT_JWKS_URL
        ? { jwksUrl: settings.JWT_JWKS_URL }
        : { secret: settings.JWT_SECRET ?? DEVELOPMENT_SECRET }),
      issuer: settings.JWT_ISSUER,
      audience: settings.JWT_AUDIENCE,
    },
    seedSampleData: settings.SEED_SAMPLE_DATA,
    logLevel: settings.LOG_LEVEL,
  };
}
