import { CommandRejectedError } from '@bildungsregion/application';
import { Bus, Logger, readTopic } from '@bildungsregion/bus';
import { sealTopicOf, storeSealedType } from '@bildungsregion/contracts';
import {
  chainGuardOf,
  EventStore,
  GENESIS_HASH,
  Seal,
  SealKey,
  sealHash,
  sealSignedBy,
  SealVerification,
  StoreHeads,
  verifyStoreAgainstSeal,
} from '@bildungsregion/event-store';
import { createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SealConfig } from './config';

/** The key a service seals with: from configuration, else from the file beside its SQLite store, else a fresh one. */
export function sealKeyFor(config: SealConfig, eventStoreUrl: string): SealKey {
  if (config.privateKeyPem) return SealKey.fromPem(config.privateKeyPem);
  if (config.keyFile) return SealKey.fromFile(config.keyFile);
  if (eventStoreUrl.startsWith('sqlite:'))
    return SealKey.fromFile(join(dirname(eventStoreUrl.slice('sqlite:'.length)), 'seal-key.pem'));
  // memory: the store dies with the process, and so may its key.
  return SealKey.generate();
}

export interface SealStatus {
  readonly latestSequence: number | null;
  readonly latestSealedAt: string | null;
  /** Streams that failed verification; they take no commands. */
  readonly brokenStreams: readonly string[];
  readonly lastError?: string;
}

/**
 * Seals the service's event store: at an interval, on demand and at shutdown, a signed statement
 * of every stream's head, chained to the previous seal and published on `bildung.<service>.seals.v1`,
 * outside the store's trust domain. At start it reads the latest published seal, checks the store
 * against it and hands its heads to the store's chain guard, so a stream tampered with before the
 * seal is refused even if this process never saw it before.
 */
export class SealKeeper {
  private readonly topic: string;
  private readonly heads: StoreHeads;
  private readonly publicKeys: KeyObject[];
  private latest: Seal | undefined;
  private sealing: Promise<Seal> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastError: string | undefined;
  /** Whether this instance seals at the interval; see `startSealing`. */
  private keepsSeals = false;

  constructor(
    private readonly service: string,
    private readonly store: EventStore,
    private readonly bus: Bus,
    private readonly key: SealKey,
    private readonly config: SealConfig,
    private readonly logger: Logger,
  ) {
    this.topic = sealTopicOf(service);
    this.heads = new StoreHeads(store);
    this.publicKeys = [key.publicKey, ...config.trustedKeyFiles.map((file) => createPublicKey(readFileSync(file)))];
  }

  get publicKeyPem(): string {
    return this.key.publicKeyPem();
  }

  get keyId(): string {
    return this.key.keyId;
  }

  /** Checks the store against the latest published seal. */
  async start(): Promise<void> {
    try {
      await this.bus.ensureTopics([this.topic]);
      this.latest = await this.latestPublished();
      if (this.latest) await this.checkAgainst(this.latest);
    } catch (error) {
      this.fail('reading the latest seal failed; the store is checked against it at the next start', error);
    }
  }

  /**
   * Seals at the interval from now on, in the one instance of the service that holds its lease, so
   * the chain of seals never forks. Another instance may have sealed meanwhile: the next seal follows
   * the latest published one.
   */
  async startSealing(): Promise<void> {
    this.keepsSeals = true;
    this.latest = (await this.latestPublished().catch(() => undefined)) ?? this.latest;
    if (this.config.intervalSeconds > 0) {
      this.timer = setInterval(() => void this.seal().catch(() => undefined), this.config.intervalSeconds * 1_000);
      this.timer.unref();
    }
  }

  /**
   * Seals now; one seal at a time. Refuses while a stream is broken, so no seal vouches for tampered
   * history. An instance that does not keep the seals first reads the latest one the keeper published.
   */
  seal(): Promise<Seal> {
    this.sealing ??= this.sealNow().finally(() => (this.sealing = undefined));
    return this.sealing;
  }

  /** The store checked against the latest seal on the bus; undefined when none has been published. */
  async verify(): Promise<SealVerification | undefined> {
    const latest = await this.latestPublished();
    return latest && verifyStoreAgainstSeal(this.store, latest, this.publicKeys);
  }

  status(): SealStatus {
    return {
      latestSequence: this.latest?.sequence ?? null,
      latestSealedAt: this.latest?.sealedAt ?? null,
      brokenStreams: [...chainGuardOf(this.store).brokenStreams().keys()],
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Stops sealing at the interval and seals a last time, so a graceful stop leaves nothing unsealed. */
  async stopSealing(): Promise<void> {
    clearInterval(this.timer);
    await this.seal().catch(() => undefined);
    this.keepsSeals = false;
  }

  private async sealNow(): Promise<Seal> {
    try {
      if (!this.keepsSeals) this.latest = (await this.latestPublished()) ?? this.latest;
      const { broken } = await this.heads.catchUp();
      const guard = chainGuardOf(this.store);
      for (const [streamId, link] of broken) guard.markBroken(streamId, { reason: 'chain-broken', link });
      if (guard.brokenStreams().size > 0)
        throw new CommandRejectedError({
          kind: 'invalid-transition',
          code: 'tampered-store',
          message: `Not sealed: ${[...guard.brokenStreams().keys()].join(', ')} fail verification, and no seal may vouch for them; restore the store first.`,
        });
      const sealedAt = new Date().toISOString();
      const seal = this.key.sign({
        service: this.service,
        sequence: (this.latest?.sequence ?? 0) + 1,
        sealedAt,
        previousSealHash: this.latest ? sealHash(this.latest) : GENESIS_HASH,
        ...this.heads.statement(),
      });
      const id = randomUUID();
      await this.bus.publish([
        {
          topic: this.topic,
          event: {
            id,
            type: storeSealedType(this.service),
            source: this.service,
            subject: this.service,
            time: sealedAt,
            correlationId: id,
            data: seal,
          },
        },
      ]);
      this.latest = seal;
      guard.trustSeal(seal.streams);
      this.lastError = undefined;
      this.logger.info({ sequence: seal.sequence, globalPosition: seal.globalPosition }, 'sealed the event store');
      return seal;
    } catch (error) {
      this.fail('sealing failed', error);
      throw error;
    }
  }

  private async latestPublished(): Promise<Seal | undefined> {
    const deliveries = await readTopic(this.bus, this.topic, { reader: `${this.service}-seal-reader` });
    return deliveries.at(-1)?.event.data as Seal | undefined;
  }

  private async checkAgainst(seal: Seal): Promise<void> {
    const guard = chainGuardOf(this.store);
    if (!sealSignedBy(seal, this.publicKeys)) {
      this.fail(`seal ${seal.sequence} on ${this.topic} is not signed by a trusted key; it is not relied on`);
      return;
    }
    guard.trustSeal(seal.streams);
    const result = await verifyStoreAgainstSeal(this.store, seal, this.publicKeys);
    for (const streamId of result.missingStreams)
      guard.markBroken(streamId, {
        reason: 'truncated',
        expectedLength: seal.streams[streamId]?.length ?? 0,
        length: 0,
      });
    for (const { streamId, sealedLength, length } of result.truncatedStreams)
      guard.markBroken(streamId, { reason: 'truncated', expectedLength: sealedLength, length });
    for (const { streamId, revision, sealedHash, storedHash } of result.rewrittenStreams)
      guard.markBroken(streamId, { reason: 'rewritten', revision, expectedHash: sealedHash, storedHash });
    for (const link of result.brokenChains) guard.markBroken(link.streamId, { reason: 'chain-broken', link });
    if (!result.valid)
      this.fail(`the event store does not match seal ${seal.sequence}`, new Error(JSON.stringify(result)));
  }

  private fail(message: string, error?: unknown): void {
    this.lastError = error instanceof Error ? `${message}: ${error.message}` : message;
    this.logger.error({ err: error, topic: this.topic }, message);
  }
}
