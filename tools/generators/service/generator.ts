import { formatFiles, generateFiles, names, Tree } from '@nx/devkit';
import { join } from 'node:path';

export interface ServiceGeneratorSchema {
  readonly name: string;
  readonly port: number;
  readonly consumes?: string;
}

const REGISTRY = 'libs/platform/service-runtime/src/registry.ts';
const TOPICS = 'libs/platform/contracts/src/topics.ts';
const LINT_CONFIG = 'eslint.config.mjs';
const COMPOSE = 'docker-compose.yml';
const NGINX = 'infra/nginx/nginx.conf';
const NGINX_UPSTREAMS = {
  loopback: 'infra/nginx/upstreams.loopback.conf',
  compose: 'infra/nginx/upstreams.compose.conf',
};

function read(tree: Tree, path: string): string {
  const content = tree.read(path, 'utf8');
  if (content === null) throw new Error(`${path} is missing; the service generator registers services there.`);
  return content;
}

/** Inserts `line` before the first occurrence of `marker` in the file. */
function insertBefore(tree: Tree, path: string, marker: string, line: string): void {
  const content = read(tree, path);
  const at = content.indexOf(marker);
  if (at < 0) throw new Error(`${path} has no "${marker.trim()}" to register the service before.`);
  tree.write(path, `${content.slice(0, at)}${line}${content.slice(at)}`);
}

const objectKey = (name: string) => (/^[a-z][a-zA-Z0-9]*$/.test(name) ? name : `'${name}'`);

/** The service in the registry (with its port and topic) and the topic in the contracts, unless they are there already. */
function register(tree: Tree, name: string, port: number): void {
  const registry = read(tree, REGISTRY);
  const ports = [...registry.matchAll(/entry\(\s*'([a-z0-9-]+)',\s*(\d+),/g)].map(([, service, taken]) => ({
    service: service as string,
    port: Number(taken),
  }));
  const known = ports.find((entry) => entry.service === name);
  if (known && known.port !== port)
    throw new Error(
      `${name} is registered with port ${known.port}; generate it with --port ${known.port} or change the registry first.`,
    );
  const taken = ports.find((entry) => entry.service !== name && entry.port === port);
  if (taken) throw new Error(`Port ${port} belongs to ${taken.service}; choose another.`);
  const topic = `bildung.${name}.v1`;
  if (!read(tree, TOPICS).includes(`'${topic}'`))
    insertBefore(tree, TOPICS, '} as const;', `  ${objectKey(name)}: '${topic}',\n`);
  if (!known) {
    const title = `Bildungsregion ${name}`;
    const topicOf = objectKey(name) === name ? `Topics.${name}` : `Topics['${name}']`;
    insertBefore(
      tree,
      REGISTRY,
      '} as const satisfies',
      `  ${objectKey(name)}: entry('${name}', ${port}, ${topicOf}, '${title}', 'The ${name} service.'),\n`,
    );
  }
}

/** The lint rule that keeps services apart lists every service. */
function registerInLint(tree: Tree, name: string): void {
  const config = read(tree, LINT_CONFIG);
  const list = /const services = \[([^\]]*)\];/.exec(config);
  if (!list) throw new Error(`${LINT_CONFIG} has no "const services = [...]" list.`);
  const services = (list[1] as string).match(/'([a-z0-9-]+)'/g)?.map((quoted) => quoted.slice(1, -1)) ?? [];
  if (services.includes(name)) return;
  tree.write(
    LINT_CONFIG,
    config.replace(list[0], `const services = [${[...services, name].map((service) => `'${service}'`).join(', ')}];`),
  );
}

/** The production topology runs every service. */
function registerInCompose(tree: Tree, name: string, port: number): void {
  if (new RegExp(`^  ${name}:$`, 'm').test(read(tree, COMPOSE))) return;
  const block = [
    `  ${name}:`,
    '    <<: *service',
    '    build:',
    '      context: .',
    '      dockerfile: Dockerfile',
    '      args:',
    `        SERVICE: ${name}`,
    '    environment:',
    '      <<: *service-environment',
    `      PORT: "${port}"`,
    `      READ_MODELS_DB: ${name}`,
    `      SEAL_KEY_FILE: /var/lib/bildungsregion/seal-keys/${name}.pem`,
    '      NODE_ENV: production',
    '    ports:',
    `      - "${port}:${port}"`,
    '    healthcheck:',
    `      test: ["CMD", "node", "-e", "fetch('http://localhost:${port}/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]`,
    '      interval: 10s',
    '      timeout: 5s',
    '      retries: 12',
    '',
    '',
  ].join('\n');
  insertBefore(tree, COMPOSE, '\nvolumes:\n', `\n${block.trimEnd()}\n`);
}

/** Browsers reach every service through nginx at /api/<name>/, on loopback in CI and by compose name in compose. */
function registerInNginx(tree: Tree, name: string, port: number): void {
  if (read(tree, NGINX).includes(`location /api/${name}/ {`)) return;
  insertBefore(
    tree,
    NGINX,
    '    location /api/ {',
    `    location /api/${name}/ {\n      proxy_pass http://${name}/;\n    }\n\n`,
  );
  for (const [kind, file] of Object.entries(NGINX_UPSTREAMS)) {
    const host = kind === 'loopback' ? '127.0.0.1' : name;
    insertBefore(tree, file, 'upstream identity {', `upstream ${name} {\n  server ${host}:${port};\n}\n\n`);
  }
}

/** `nx g @bildungsregion/tools:service <name> --port <n>`: a new service on the service kit, registered everywhere services are listed. */
export default async function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): Promise<void> {
  const { name, port } = options;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name))
    throw new Error(`"${name}" is no service name: use lower case letters, digits and dashes, e.g. ideas.`);
  if (!Number.isInteger(port) || port < 1024 || port > 65_535)
    throw new Error(`--port ${port} must be a whole number from 1024 to 65535.`);
  if (tree.exists(`apps/${name}`)) throw new Error(`apps/${name} exists already.`);
  const consumes = (options.consumes ?? '')
    .split(',')
    .map((topic) => topic.trim())
    .filter(Boolean);
  const bad = consumes.find((topic) => !/^bildung\.[a-z0-9-]+\.v\d+$/.test(topic));
  if (bad) throw new Error(`--consumes ${bad} is not a topic like bildung.monitoring.v1.`);
  register(tree, name, port);
  registerInLint(tree, name);
  registerInCompose(tree, name, port);
  registerInNginx(tree, name, port);
  generateFiles(tree, join(__dirname, 'files'), `apps/${name}`, { ...names(name), name, port, consumes, template: '' });
  await formatFiles(tree);
}
