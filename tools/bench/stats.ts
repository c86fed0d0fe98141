import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Runs `work` and returns how many units per second it did. */
export async function rate(units: number, work: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await work();
  return units / ((performance.now() - started) / 1_000);
}

export interface Comparison {
  readonly name: string;
  readonly unit: string;
  readonly subject: number;
  readonly baseline: number;
}

/**
 * Alternates subject and baseline rounds in one process, so both see the same machine load,
 * and reports medians and their ratio.
 */
export async function compare(
  name: string,
  unit: string,
  rounds: number,
  subject: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<Comparison> {
  const subjectRates: number[] = [];
  const baselineRates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    baselineRates.push(await baseline());
    subjectRates.push(await subject());
  }
  return { name, unit, subject: median(subjectRates), baseline: median(baselineRates) };
}

export function report(title: string, comparisons: readonly Comparison[]): void {
  const lines = [
    `# ${title}`,
    '',
    '| benchmark | subject (median) | baseline (median) | ratio subject/baseline |',
    '| --- | ---: | ---: | ---: |',
    ...comparisons.map(
      (c) =>
        `| ${c.name} | ${Math.round(c.subject).toLocaleString('en')} ${c.unit} | ${Math.round(c.baseline).toLocaleString('en')} ${c.unit} | ${(c.subject / c.baseline).toFixed(3)} |`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

/** The machine's CPU time so far, all cores together: busy and total, in ms. */
export function cpuTimes(): { readonly busy: number; readonly total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.idle + times.irq;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** How many of the machine's cores were busy on average since `since`, by every process on it. */
export function coresBusySince(since: ReturnType<typeof cpuTimes>): number {
  const now = cpuTimes();
  const total = now.total - since.total;
  return total > 0 ? ((now.busy - since.busy) / total) * cpus().length : 0;
}

/** Linux counts a process's CPU time in clock ticks of 1/100 s (`getconf CLK_TCK`). */
const TICKS_PER_SECOND = 100;

/** CPU seconds a process has used so far (user and system), read from /proc; 0 once it is gone. */
export function processCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
