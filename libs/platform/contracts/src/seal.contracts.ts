import { z } from 'zod';
import { contract } from './shared-schemas';
import { sealTopicOf, Topics } from './topics';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash in hex');
const count = z.int().min(0);

/** A signed statement of a service's event store (see the event store's `Seal`). */
export const storeSealedSchema = z.strictObject({
  service: z.string().min(1),
  sequence: z.int().min(1),
  sealedAt: z.iso.datetime({ offset: true }),
  globalPosition: count,
  streamCount: count,
  eventCount: count,
  streams: z.record(z.string().min(1), z.strictObject({ length: z.int().min(1), headHash: sha256Hex })),
  previousSealHash: sha256Hex,
  keyId: sha256Hex,
  signature: z.base64(),
});

export type StoreSealed = z.output<typeof storeSealedSchema>;

export function storeSealedType(service: string): string {
  return `bildung.${service}.store-sealed.v1`;
}

/** One seal contract per publishing service, each on its own seals topic. */
export const sealContracts = Object.keys(Topics).map((service) =>
  contract(sealTopicOf(service), storeSealedType(service), storeSealedSchema),
);
