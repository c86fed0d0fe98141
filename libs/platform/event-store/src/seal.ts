import canonicalize from 'canonicalize';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
  randomUUID,
  sign,
  verify,
} from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RecordedEvent } from './envelope';
import { BrokenLink, ChainHead, StreamChainVerifier } from './hash-chain';
import { EventStore } from './port';

/**
 * What a seal states about a store at one moment: every stream's length and head hash, the global
 * position and the counts, chained to the seal before it. Signed, it proves that history up to the
 * global position was exactly this; it says nothing about events recorded after it.
 */
export interface SealStatement {
  readonly service: string;
  /** 1 for the first seal of a store, then one more each time. */
  readonly sequence: number;
  readonly sealedAt: string;
  readonly globalPosition: number;
  readonly streamCount: number;
  readonly eventCount: number;
  readonly streams: Readonly<Record<string, ChainHead>>;
  /** `sealHash` of the previous seal, or the genesis hash for the first. */
  readonly previousSealHash: string;
  /** SHA-256 of the signing key's public key (SPKI DER), so a verifier knows which key to use. */
  readonly keyId: string;
}

export interface Seal extends SealStatement {
  /** Ed25519 signature over the RFC 8785 form of the statement, base64. */
  readonly signature: string;
}

function canonical(value: unknown): Buffer {
  return Buffer.from(canonicalize(value) as string, 'utf8');
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** What the next seal chains to. */
export function sealHash(seal: Seal): string {
  return createHash('sha256').update(canonical(seal)).digest('hex');
}

/** The Ed25519 key a service seals with. It never lives in the event store it seals. */
export class SealKey {
  readonly keyId: string;

  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKey: KeyObject,
  ) {
    this.keyId = keyIdOf(publicKey);
  }

  static fromPem(pem: string): SealKey {
    const privateKey = createPrivateKey(pem);
    if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('The seal key must be an Ed25519 private key.');
    return new SealKey(privateKey, createPublicKey(privateKey));
  }

  static generate(): SealKey {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return new SealKey(privateKey, publicKey);
  }

  /** The key in `file`; made (with `<file>.pub` beside it) when there is none yet. */
  /** Instances of a service that start together make one key: the first file linked in place wins. */
  static fromFile(file: string): SealKey {
    if (existsSync(file)) return SealKey.fromPem(readFileSync(file, 'utf8'));
    mkdirSync(dirname(file), { recursive: true });
    const draft = `${file}.${process.pid}-${randomUUID()}`;
    writeFileSync(draft, SealKey.generate().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
    const kept = SealKey.fromPem(readFileSync(file, 'utf8'));
    writeFileSync(`${file}.pub`, kept.publicKeyPem());
    return kept;
  }

  publicKeyPem(): string {
    return this.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  sign(statement: Omit<SealStatement, 'keyId'>): Seal {
    const signed: SealStatement = { ...statement, keyId: this.keyId };
    return { ...signed, signature: sign(null, canonical(signed), this.privateKey).toString('base64') };
  }
}

/** Whether one of the keys signed the seal. */
export function sealSignedBy(seal: Seal, publicKeys: readonly KeyObject[]): boolean {
  const { signature, ...statement } = seal;
  return publicKeys.some(
    (key) => keyIdOf(key) === seal.keyId && verify(null, canonical(statement), key, Buffer.from(signature, 'base64')),
  );
}

/**
 * The heads of every stream, kept up to date by reading only the events after the last position it
 * saw, each checked to link to its stream's head; for sealing without re-reading the store.
 */
export class StoreHeads {
  private readonly heads = new Map<string, ChainHead>();
  private readonly broken = new Map<string, BrokenLink>();
  private position = 0;
  private events = 0;

  constructor(private readonly store: Pick<EventStore, 'readAll'>) {}

  async catchUp(): Promise<{ readonly position: number; readonly broken: ReadonlyMap<string, BrokenLink> }> {
    for (;;) {
      const page = await this.store.readAll({ after: this.position, maxCount: 1_000 });
      for (const event of page) this.take(event);
      if (page.length < 1_000) return { position: this.position, broken: this.broken };
    }
  }

  statement(): Pick<SealStatement, 'globalPosition' | 'streamCount' | 'eventCount' | 'streams'> {
    const streams = Object.fromEntries([...this.heads].sort(([a], [b]) => (a < b ? -1 : 1)));
    return { globalPosition: this.position, streamCount: this.heads.size, eventCount: this.events, streams };
  }

  private take(event: RecordedEvent): void {
    this.position = event.position;
    this.events += 1;
    if (this.broken.has(event.streamId)) return;
    const link = new StreamChainVerifier(event.streamId, this.heads.get(event.streamId)).check(event);
    if (link) this.broken.set(event.streamId, link);
    else this.heads.set(event.streamId, { length: event.revision + 1, headHash: event.metadata.hash });
  }
}

/** What checking a store against a published seal found. */
export interface SealVerification {
  readonly valid: boolean;
  readonly seal: Pick<Seal, 'service' | 'sequence' | 'sealedAt' | 'globalPosition' | 'keyId'> & {
    readonly signatureValid: boolean;
  };
  readonly streamsChecked: number;
  readonly eventsChecked: number;
  /** Sealed streams of which nothing is left. */
  readonly missingStreams: readonly string[];
  /** Sealed streams that now end before their sealed length. */
  readonly truncatedStreams: readonly {
    readonly streamId: string;
    readonly sealedLength: number;
    readonly length: number;
  }[];
  /** Sealed streams whose event at the sealed head is not the sealed one: history before the seal was rewritten. */
  readonly rewrittenStreams: readonly {
    readonly streamId: string;
    readonly revision: number;
    readonly sealedHash: string;
    readonly storedHash: string;
  }[];
  /** The first broken link of each stream whose chain does not hold. */
  readonly brokenChains: readonly BrokenLink[];
  /** Global positions missing between stored events (stores with gap-free positions only). */
  readonly positionGaps: readonly { readonly after: number; readonly next: number }[];
  /** Events recorded after the seal: their chains are checked, but no seal vouches for them yet. */
  readonly eventsAfterSeal: number;
}

/**
 * Checks a store against a seal published outside it: the signature, then one pass over every
 * event re-hashing each chain, comparing each sealed stream's length and head hash, and looking for
 * gaps in the global positions.
 */
export async function verifyStoreAgainstSeal(
  store: Pick<EventStore, 'readAll' | 'gapFreePositions'>,
  seal: Seal,
  publicKeys: readonly KeyObject[],
): Promise<SealVerification> {
  const verifiers = new Map<string, StreamChainVerifier>();
  const brokenChains = new Map<string, BrokenLink>();
  const hashAtSealedHead = new Map<string, string>();
  const positionGaps: { after: number; next: number }[] = [];
  let eventsChecked = 0;
  let eventsAfterSeal = 0;
  let previous = 0;
  for (let after = 0; ;) {
    const page = await store.readAll({ after, maxCount: 1_000 });
    for (const event of page) {
      after = event.position;
      if (store.gapFreePositions && event.position !== previous + 1)
        positionGaps.push({ after: previous, next: event.position });
      previous = event.position;
      eventsChecked += 1;
      if (event.position > seal.globalPosition) eventsAfterSeal += 1;
      if (event.revision === (seal.streams[event.streamId]?.length ?? 0) - 1)
        hashAtSealedHead.set(event.streamId, event.metadata.hash);
      if (brokenChains.has(event.streamId)) continue;
      let verifier = verifiers.get(event.streamId);
      if (!verifier) verifiers.set(event.streamId, (verifier = new StreamChainVerifier(event.streamId)));
      const link = verifier.check(event);
      if (link) brokenChains.set(event.streamId, link);
    }
    if (page.length < 1_000) break;
  }
  const missingStreams: string[] = [];
  const truncatedStreams: SealVerification['truncatedStreams'][number][] = [];
  const rewrittenStreams: SealVerification['rewrittenStreams'][number][] = [];
  for (const [streamId, sealed] of Object.entries(seal.streams)) {
    const stored = hashAtSealedHead.get(streamId);
    if (!verifiers.has(streamId)) missingStreams.push(streamId);
    else if (stored === undefined)
      truncatedStreams.push({
        streamId,
        sealedLength: sealed.length,
        length: verifiers.get(streamId)?.eventsChecked ?? 0,
      });
    else if (stored !== sealed.headHash)
      rewrittenStreams.push({ streamId, revision: sealed.length - 1, sealedHash: sealed.headHash, storedHash: stored });
  }
  const signatureValid = sealSignedBy(seal, publicKeys);
  const { service, sequence, sealedAt, globalPosition, keyId } = seal;
  return {
    valid:
      signatureValid &&
      missingStreams.length +
        truncatedStreams.length +
        rewrittenStreams.length +
        brokenChains.size +
        positionGaps.length ===
        0,
    seal: { service, sequence, sealedAt, globalPosition, keyId, signatureValid },
    streamsChecked: verifiers.size,
    eventsChecked,
    missingStreams,
    truncatedStreams,
    rewrittenStreams,
    brokenChains: [...brokenChains.values()],
    positionGaps,
    eventsAfterSeal,
  };
}
