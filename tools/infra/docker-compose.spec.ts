import { describeIf } from '@bildungsregion/testing';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceAppDirectories } from '../support/service-apps';

const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yml');
const INFRASTRUCTURE = ['kafka-1', 'kafka-2', 'kafka-3', 'eventstore', 'mongodb', 'keycloak'];
// The one origin for browsers: nginx with the web app, built from infra/nginx.
const EDGE = 'web';

/** `docker compose` where the plugin exists, else Debian's docker-compose; both validate without an engine. */
function findCompose(): string[] | null {
  for (const command of [['docker', 'compose'], ['docker-compose']]) {
    const probe = spawnSync(command[0]!, [...command.slice(1), 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return command;
  }
  return null;
}

const compose = findCompose();

function run(file: string, ...args: string[]) {
  const [command, ...prefix] = compose!;
  return spawnSync(command!, [...prefix, '-f', file, ...args], { encoding: 'utf8', cwd: root });
}

describeIf(
  compose !== null,
  'compose',
  `docker-compose.yml (checked with ${compose?.join(' ')})`,
  'docker-compose.yml',
  'neither `docker compose` nor `docker-compose` is installed (apt-get install docker-compose)',
  () => {
    it('parses', () => {
      const result = run(composeFile, 'config', '-q');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
    });

    it('runs three Kafka brokers, EventStoreDB, MongoDB, Keycloak and nginx, and every service it builds exists in apps/', () => {
      const services = run(composeFile, 'config', '--services').stdout.trim().split('\n');
      expect(services).toEqual(expect.arrayContaining([...INFRASTRUCTURE, EDGE]));
      for (const service of services.filter((name) => !INFRASTRUCTURE.includes(name) && name !== EDGE)) {
        expect(existsSync(join(root, 'apps', service, 'project.json'))).toBe(true);
      }
    });

    it('lists every service of apps/', () => {
      const services = run(composeFile, 'config', '--services').stdout.trim().split('\n');
      expect(services).toEqual(expect.arrayContaining(serviceAppDirectories(root)));
    });

    it('rejects a broken file, so the checks above can fail', () => {
      const dir = mkdtempSync(join(tmpdir(), 'compose-'));
      try {
        const broken = join(dir, 'docker-compose.yml');
        copyFileSync(composeFile, broken);
        writeFileSync(
          broken,
          readFileSync(broken, 'utf8').replace(
            '    image: mongo:7.0\n',
            '    image: mongo:7.0\n    depends_on: [nowhere]\n',
          ),
        );
        expect(run(broken, 'config', '-q').status).not.toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  },
);
