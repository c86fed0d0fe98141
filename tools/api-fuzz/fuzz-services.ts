/**
 * `npm run api-fuzz`: fuzzes the OpenAPI document of every registered service with schemathesis, one
 * service after the other, each started on its embedded defaults in a temporary directory with the
 * sample data and called with an admin token. Fails when any answer is a server error, or a status,
 * content type, header or body the document does not declare.
 *
 * Schemathesis comes from PyPI (tools/api-fuzz/requirements.txt): `.ci/run` installs it into
 * `.venv-api-fuzz`; SCHEMATHESIS names another binary. API_FUZZ_EXAMPLES caps the cases per
 * operation (default 10).
 */
import { DEVELOPMENT_SECRET, issueToken } from '@bildungsregion/http';
import { builtServices, ServiceName } from '@bildungsregion/service-runtime';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startService } from '../system/support/service-process';

const root = join(__dirname, '..', '..');

/**
 * The checks that hold for a correct service. Left out: positive_data_acceptance (a well-formed
 * request for a goal that does not exist is rightly a 404, a transition the state forbids a 409, a
 * broken business rule a 422), and the checks that need resources schemathesis cannot create for
 * itself or identities it does not have (use_after_free, ensure_resource_availability,
 * ignored_auth, object_level_authorization).
 */
export const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
  'negative_data_rejection',
  'missing_required_header',
  'unsupported_method',
  'allow_header_conformance',
];

function schemathesis(): string {
  const venv = join(root, '.venv-api-fuzz', 'bin', 'schemathesis');
  return process.env['SCHEMATHESIS'] ?? (existsSync(venv) ? venv : 'schemathesis');
}

function run(command: string, args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function fuzz(service: ServiceName, dir: string, token: string): Promise<number> {
  const { url, errors, stop } = await startService(service, await freePort(), {
    EVENT_STORE_URL: `sqlite:${join(dir, service, 'events.sqlite')}`,
    BUS_URL: `sqlite:${join(dir, 'bus.sqlite')}`,
    READ_MODELS_URL: 'memory:',
    SEED_SAMPLE_DATA: 'true',
  });
  try {
    process.stdout.write(`\n${service}: fuzzing ${url}/docs/openapi.json\n`);
    // One worker: schemathesis 4.32 can fail internally when two share its coverage cache.
    const code = await run(
      schemathesis(),
      [
        'run',
        `${url}/docs/openapi.json`,
        '--header',
        `Authorization: Bearer ${token}`,
        '--checks',
        CHECKS.join(','),
        '--max-examples',
        process.env['API_FUZZ_EXAMPLES'] ?? '10',
        '--workers',
        '1',
        '--seed',
        process.env['API_FUZZ_SEED'] ?? '20261127',
        '--report',
        'junit',
        '--report-dir',
        join(dir, 'reports', service),
      ],
      dir,
    );
    if (code !== 0) process.stdout.write(`${service} wrote to stderr:\n${errors()}\n`);
    return code;
  } finally {
    await stop();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'api-fuzz-'));
  const token = await issueToken(DEVELOPMENT_SECRET, { role: 'admin', subject: 'api-fuzz' });
  const services = builtServices(root);
  const failed: string[] = [];
  for (const service of services) if ((await fuzz(service, dir, token)) !== 0) failed.push(service);
  process.stdout.write(
    failed.length === 0
      ? `\napi-fuzz: ${services.join(', ')} conform to their OpenAPI documents\n`
      : `\napi-fuzz: ${failed.join(', ')} failed; reports in ${dir}\n`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}

void main();
