import { spawnSync } from 'node:child_process';

/**
 * Real infrastructure for tests. A suite runs against the real component when it answers, is
 * reported as skipped with the reason when it does not, and fails when REQUIRE_INFRA names the
 * component (as in CI), so a missing broker can never pass unnoticed.
 */
export interface InfrastructureComponent {
  readonly key: 'kafka' | 'kafka-cluster' | 'ferretdb';
  readonly name: string;
  /** The command that starts it, for the reason a suite was skipped; default `npm run infra:up`. */
  readonly startedBy?: string;
  /** The address handed to the suite: broker list or connection URL. */
  readonly address: string;
  readonly hostPort: string;
}

export function kafkaForTests(): InfrastructureComponent {
  const brokers = process.env['KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['KAFKA_PORT'] ?? '19092'}`;
  return { key: 'kafka', name: 'Kafka', address: brokers, hostPort: brokers.split(',')[0] ?? brokers };
}

/** The three-node KRaft cluster of `npm run infra:up -- --cluster`, for replication and failover suites. */
export function kafkaClusterForTests(): InfrastructureComponent {
  const brokers = process.env['KAFKA_CLUSTER_BROKERS'] ?? '127.0.0.1:19192,127.0.0.1:19292,127.0.0.1:19392';
  return {
    key: 'kafka-cluster',
    name: 'the Kafka cluster',
    address: brokers,
    hostPort: brokers.split(',')[0] ?? brokers,
    startedBy: 'npm run infra:up -- --cluster',
  };
}

export function ferretDbForTests(): InfrastructureComponent {
  const url = process.env['MONGODB_URL'] ?? `mongodb://127.0.0.1:${process.env['FERRETDB_PORT'] ?? '27117'}/`;
  return { key: 'ferretdb', name: 'FerretDB', address: url, hostPort: new URL(url).host };
}

const reachability = new Map<string, boolean>();

/** A synchronous TCP probe, because jest collects suites synchronously. */
export function isReachable(hostPort: string): boolean {
  const known = reachability.get(hostPort);
  if (known !== undefined) return known;
  const [host, port] = splitHostPort(hostPort);
  const probe = spawnSync(
    process.execPath,
    [
      '-e',
      `const s=require('net').connect(${port},${JSON.stringify(host)},()=>process.exit(0));s.on('error',()=>process.exit(1));s.setTimeout(1500,()=>process.exit(1));`,
    ],
    { timeout: 5_000 },
  );
  const reachable = probe.status === 0;
  reachability.set(hostPort, reachable);
  return reachable;
}

function splitHostPort(hostPort: string): [string, number] {
  const at = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, at), Number(hostPort.slice(at + 1))];
}

/** Whether REQUIRE_INFRA (a comma-separated list such as `kafka,ferretdb,compose`) names the component. */
export function isRequired(key: string): boolean {
  return (process.env['REQUIRE_INFRA'] ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .includes(key);
}

/** `describe` against a real component, or a skip that says why, or a failure when it is required. */
export function describeWith(component: InfrastructureComponent, title: string, body: (address: string) => void): void {
  const reachable = isReachable(component.hostPort);
  const reason = `${component.name} is not reachable at ${component.hostPort}; ${component.startedBy ?? 'npm run infra:up'} starts it`;
  describeIf(reachable, component.key, `${title} (${component.name} at ${component.hostPort})`, title, reason, () =>
    body(component.address),
  );
}

/**
 * Runs the suite when `available`; otherwise reports it as skipped with the reason, or as a failure
 * when REQUIRE_INFRA names `key`.
 */
export function describeIf(
  available: boolean,
  key: string,
  title: string,
  titleWhenMissing: string,
  reason: string,
  body: () => void,
): void {
  if (available) {
    describe(title, body);
  } else if (isRequired(key)) {
    describe(titleWhenMissing, () => {
      it(`needs ${key}`, () => {
        throw new Error(`${reason} (REQUIRE_INFRA=${process.env['REQUIRE_INFRA']} makes it required)`);
      });
    });
  } else {
    describe.skip(`${titleWhenMissing} (skipped: ${reason})`, body);
  }
}
