import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEVELOPMENT_SECRET, TokenSettings } from '@bildungsregion/http';
import { databaseInUrl } from '@bildungsregion/read-models';
import { District, DISTRICTS, districtOf } from '@bildungsregion/reference-data';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { serviceEntry } from './registry';
import type { InstanceSettings } from './runtime';

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
  readonly seals: SealConfig;
  /** The SQLite file of the keys personal data is encrypted with (`PERSONAL_DATA_KEYS_FILE`); kept apart from the event store. */
  readonly personalDataKeysFile: string;
  /** Where spans go (`OTEL_EXPORTER_OTLP_ENDPOINT`, an OTLP/HTTP collector); tracing is off without it. */
  readonly otlpEndpoint?: string;
  /** This instance among the service's instances (`INSTANCE_ID`, by default host and process id) and the length of its lease (`LEASE_TTL_MS`). */
  readonly instance: InstanceSettings;
  /** How long a SIGTERM or SIGINT may take in all before the process exits anyway (`STOP_TIMEOUT_MS`). */
  readonly stopTimeoutMs: number;
}

/** How the service seals its event store; see `SealKeeper`. */
export interface SealConfig {
  /** PEM of the Ed25519 private key (`SEAL_PRIVATE_KEY`), e.g. from a secret store. */
  readonly privateKeyPem?: string;
  /** File of the private key (`SEAL_KEY_FILE`); by default `seal-key.pem` beside a SQLite event store, made when missing. */
  readonly keyFile?: string;
  /** Public keys (PEM files, `SEAL_TRUSTED_KEYS`, comma-separated) of earlier keys, so seals made before a rotation still verify. */
  readonly trustedKeyFiles: readonly string[];
  /** Seconds between seals (`SEAL_INTERVAL_SECONDS`); 0 seals only on demand and at shutdown. */
  readonly intervalSeconds: number;
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
    SEAL_PRIVATE_KEY: z.string().min(1).optional(),
    SEAL_KEY_FILE: z.string().min(1).optional(),
    SEAL_TRUSTED_KEYS: z.string().default(''),
    SEAL_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(31_536_000).default(3_600),
    PERSONAL_DATA_KEYS_FILE: z.string().min(1).optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
    INSTANCE_ID: z.string().min(1).max(200).default(`${hostname()}/${process.pid}`),
    LEASE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(10_000),
    // Below the 30 s a supervisor (Kubernetes, systemd) usually waits before it kills the process.
    STOP_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(600_000).default(25_000),
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
  if (
    settings.NODE_ENV === 'production' &&
    !settings.SEAL_PRIVATE_KEY &&
    !settings.SEAL_KEY_FILE &&
    !settings.EVENT_STORE_URL.startsWith('sqlite:')
  ) {
    throw new Error(
      'Invalid configuration: set SEAL_PRIVATE_KEY or SEAL_KEY_FILE, the key the event store is sealed with.',
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
    seals: {
      ...(settings.SEAL_PRIVATE_KEY ? { privateKeyPem: settings.SEAL_PRIVATE_KEY } : {}),
      ...(settings.SEAL_KEY_FILE ? { keyFile: settings.SEAL_KEY_FILE } : {}),
      trustedKeyFiles: settings.SEAL_TRUSTED_KEYS.split(',')
        .map((file) => file.trim())
        .filter(Boolean),
      intervalSeconds: settings.SEAL_INTERVAL_SECONDS,
    },
    personalDataKeysFile:
      settings.PERSONAL_DATA_KEYS_FILE ??
      join(dataDirOf(settings.EVENT_STORE_URL, service.name), 'personal-data-keys.sqlite'),
    ...(settings.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: settings.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
    instance: { instance: settings.INSTANCE_ID, leaseTtlMs: settings.LEASE_TTL_MS },
    stopTimeoutMs: settings.STOP_TIMEOUT_MS,
  };
}

/** The directory of a SQLite event store, else the service's directory under `data/`. */
function dataDirOf(eventStoreUrl: string, service: string): string {
  return eventStoreUrl.startsWith('sqlite:') ? dirname(eventStoreUrl.slice('sqlite:'.length)) : join('data', service);
}
