import { InvalidEventError } from './errors';
import { RecordedEvent } from './envelope';
import { ReadStreamOptions } from './port';

export function assertReadStreamOptions(options: ReadStreamOptions): void {
  const { fromRevision, maxCount } = options;
  if (fromRevision !== undefined && !(Number.isInteger(fromRevision) && fromRevision >= 0)) {
    throw new InvalidEventError(`fromRevision ${fromRevision} is invalid: use an integer ≥ 0.`);
  }
  if (maxCount !== undefined && !(Number.isInteger(maxCount) && maxCount >= 0)) {
    throw new InvalidEventError(`maxCount ${maxCount} is invalid: use an integer ≥ 0.`);
  }
}

/** Applies direction and bounds to a whole stream held in memory (index = revision). */
export function readStreamSlice(stream: readonly RecordedEvent[], options: ReadStreamOptions): RecordedEvent[] {
  assertReadStreamOptions(options);
  const maxCount = options.maxCount ?? Infinity;
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? stream.length - 1, stream.length - 1);
    const start = Number.isFinite(maxCount) ? Math.max(0, from - maxCount + 1) : 0;
    return stream.slice(start, from + 1).reverse();
  }
  const from = options.fromRevision ?? 0;
  return stream.slice(from, Number.isFinite(maxCount) ? from + maxCount : undefined);
}
