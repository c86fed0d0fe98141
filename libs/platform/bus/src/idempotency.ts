import { createHash } from 'node:crypto';

/**
 * A UUID derived from its inputs (name-based, SHA-1, as UUID version 5). A consumer that appends
 * the effect of a message under `eventIdFor(consumer, message id, n)` appends nothing new when the
 * message is redelivered, because the event store ignores an event id it already holds.
 */
export function eventIdFor(...parts: readonly string[]): string {
  const bytes = createHash('sha1').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
  bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
