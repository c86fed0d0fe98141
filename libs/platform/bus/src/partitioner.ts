import { crc32 } from 'node:zlib';

/** The partition of a key in the embedded logs: stable, so one key's records stay in one partition. */
export function partitionFor(key: string, partitions: number): number {
  return crc32(key) % partitions;
}
