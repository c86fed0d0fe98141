import { useTempDir } from '@bildungsregion/testing';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Generates a service into a copy of the workspace, as a developer would, and shows that it passes
 * lint, typecheck and its own tests there, and that the files that list services now list it.
 */
const root = join(__dirname, '..', '..', '..');

function run(cwd: string, command: string, args: readonly string[]) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', command), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('nx g @bildungsregion/tools:service', () => {
  const dir = useTempDir();
  const workspace = () => join(dir(), 'workspace');

  beforeAll(() => {
    const files = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: root,
      encoding: 'utf8',
    })
      .stdout.split('\0')
      .filter(Boolean);
    for (const file of files.filter((path) => existsSync(join(root, path)))) {
      mkdirSync(dirname(join(workspace(), file)), { recursive: true });
      copyFileSync(join(root, file), join(workspace(), file));
    }
    symlinkSync(join(root, 'node_modules'), join(workspace(), 'node_modules'), 'dir');
  });

  it('refuses a port another service has, and a name that is no service name, changing nothing', () => {
    const taken = run(workspace(), 'nx/dist/bin/nx.js', [
      'g',
      '@bildungsregion/tools:service',
      'library',
      '--port',
      '3001',
      '--no-interactive',
    ]);
    expect(taken.status).not.toBe(0);
    expect(taken.output).toContain('Port 3001 belongs to goals; choose another.');
    const badName = run(workspace(), 'nx/dist/bin/nx.js', [
      'g',
      '@bildungsregion/tools:service',
      'Library',
      '--port',
      '3099',
      '--no-interactive',
    ]);
    expect(badName.status).not.toBe(0);
    expect(existsSync(join(workspace(), 'apps', 'library'))).toBe(false);
    expect(readFileSync(join(workspace(), 'eslint.config.mjs'), 'utf8')).toBe(
      readFileSync(join(root, 'eslint.config.mjs'), 'utf8'),
    );
  });

  it('creates a service that passes lint, typecheck and its tests, and registers it', () => {
    const generated = run(workspace(), 'nx/dist/bin/nx.js', [
      'g',
      '@bildungsregion/tools:service',
      'library',
      '--port',
      '3099',
      '--consumes',
      'bildung.monitoring.v1',
      '--no-interactive',
    ]);
    expect(generated.output).toContain('CREATE apps/library/src/domain/entry.decider.ts');
    expect(generated.status).toBe(0);
    for (const layer of ['domain', 'application', 'infrastructure', 'http'])
      expect(existsSync(join(workspace(), 'apps', 'library', 'src', layer))).toBe(true);
    expect(JSON.parse(readFileSync(join(workspace(), 'apps', 'library', 'project.json'), 'utf8')).tags).toEqual([
      'scope:library',
      'type:app',
    ]);

    const changed = [
      'apps/library',
      'eslint.config.mjs',
      'libs/platform/service-runtime/src/registry.ts',
      'libs/platform/contracts/src/topics.ts',
    ];
    const lint = run(workspace(), 'eslint/bin/eslint.js', ['--max-warnings=0', ...changed]);
    expect([lint.status, lint.output]).toEqual([0, expect.any(String)]);
    const typecheck = run(workspace(), 'typescript/bin/tsc', ['--noEmit', '-p', 'apps/library/tsconfig.json']);
    expect([typecheck.status, typecheck.output.trim()]).toEqual([0, '']);

    const tests = run(workspace(), 'jest/bin/jest.js', [
      '--ci',
      'apps/library',
      'tools/infra/service-registry.spec.ts',
      'tools/infra/edge.spec.ts',
    ]);
    expect([tests.status, tests.output]).toEqual([0, expect.stringMatching(/tests: \d+ passed, 0 failed/)]);
    expect(tests.output).toMatch(/PASS tools tools\/infra\/service-registry\.spec\.ts/);
    expect(tests.output).toMatch(/PASS tools tools\/infra\/edge\.spec\.ts/);
    expect(tests.output).toMatch(/PASS library apps\/library\/src\/domain\/entry\.decider\.spec\.ts/);
    expect(tests.output).toMatch(/PASS library apps\/library\/test\/library-api\.spec\.ts/);
    expect(
      readFileSync(join(workspace(), 'apps', 'library', 'src', 'infrastructure', 'runtime-parts.ts'), 'utf8'),
    ).toContain("consumes: ['bildung.monitoring.v1']");
  });
});
