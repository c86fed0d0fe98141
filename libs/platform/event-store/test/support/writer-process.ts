import { startWorker, WorkerProcess } from '@bildungsregion/testing';
import { join } from 'node:path';

/** An append worker in its own OS process; see append-worker.ts. */
export interface Writer extends WorkerProcess {
  /** The appends the writer has reported as acknowledged so far. */
  acknowledged(): number[];
}

export function startWriter(file: string, name: string, count: number): Writer {
  const worker = startWorker(
    join(__dirname, 'append-worker.ts'),
    [file, name, String(count)],
    join(__dirname, '..', '..', 'tsconfig.json'),
  );
  return {
    ...worker,
    acknowledged: () => [...worker.output().matchAll(/^ack (\d+)$/gm)].map((match) => Number(match[1])),
  };
}
