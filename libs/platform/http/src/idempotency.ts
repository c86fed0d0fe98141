import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { EventStore, streamCategory, WrongExpectedRevisionError } from '@bildungsregion/event-store';
import canonicalize from 'canonicalize';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { from, lastValueFrom, map, Observable } from 'rxjs';
import { Principal } from '@bildungsregion/application';
import { ProblemError } from './problems';
import { expectedRevisionFrom } from './revisions';

export interface StoredResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The event that keeps the first response to an Idempotency-Key. */
interface ResponseKept {
  /** Hash of method, path, If-Match and body: the same key must come with the same request. */
  readonly fingerprint: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The event by which one request, on whichever instance, takes a key before it runs. */
interface RequestClaimed {
  readonly fingerprint: string;
}

export const KEPT_RESPONSES = streamCategory('idempotency');
const RESPONSE_KEPT = 'ResponseKept';
const REQUEST_CLAIMED = 'RequestClaimed';
/** A request that failed changed nothing, so its key is free again. */
const CLAIM_RELEASED = 'ClaimReleased';
const DAY_MS = 86_400_000;
/** A claim older than this belongs to an instance that died mid-request (a stop drains for at most 10 s). */
const CLAIM_TTL_MS = 60_000;
const REPLAYED_HEADERS = ['etag', 'location'];

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const inFlight = () =>
  new ProblemError(
    409,
    'idempotency-key-in-flight',
    'Request in progress',
    'A request with this Idempotency-Key is still being processed; retry in a moment.',
  );

/**
 * Remembers the first successful response to each Idempotency-Key (per caller) for a day, so a
 * retried request gets that response again instead of running twice. The response is kept in the
 * event store, next to the events the request recorded, so it is exactly as durable as they are
 * (the in-memory read models of the embedded default would forget it at a restart). Before it runs,
 * a request claims its key by an append that expects the stream as it read it, so of two requests
 * with one key, on one instance or two, only one runs. Failed requests release the key: they
 * changed nothing, so a retry may try again.
 */
export class IdempotencyStore {
  constructor(
    private readonly store: EventStore,
    private readonly source: string,
    private readonly retentionMs = DAY_MS,
    private readonly claimTtlMs = CLAIM_TTL_MS,
  ) {}

  async run(
    caller: Principal,
    key: string,
    fingerprint: string,
    execute: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    const streamId = KEPT_RESPONSES.streamId(sha256(`${caller.id}\n${key}`));
    const [earlier] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const age = earlier ? Date.now() - Date.parse(earlier.recordedAt) : Number.POSITIVE_INFINITY;
    const live =
      (earlier?.type === RESPONSE_KEPT && age < this.retentionMs) ||
      (earlier?.type === REQUEST_CLAIMED && age < this.claimTtlMs);
    if (earlier && live) {
      if ((earlier.data as RequestClaimed | ResponseKept).fingerprint !== fingerprint) {
        throw new ProblemError(
          422,
          'idempotency-key-reused',
          'Idempotency-Key reused',
          'This Idempotency-Key was already used for a different request; use a new key for a new request.',
        );
      }
      if (earlier.type === REQUEST_CLAIMED) throw inFlight();
      const kept = earlier.data as ResponseKept;
      return { response: { status: kept.status, headers: kept.headers, body: kept.body }, replayed: true };
    }
    const metadata = { actor: { id: caller.id, role: caller.role }, source: this.source };
    const claimed: RequestClaimed = { fingerprint };
    try {
      await this.store.append(
        streamId,
        [{ type: REQUEST_CLAIMED, data: claimed, metadata }],
        earlier?.revision ?? 'no-stream',
      );
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) throw inFlight();
      throw error;
    }
    let response: StoredResponse;
    try {
      response = await execute();
    } catch (error) {
      // The request's own error is the answer; a claim that cannot be released lapses after its ttl.
      await this.store.append(streamId, [{ type: CLAIM_RELEASED, data: {}, metadata }], 'any').catch(() => undefined);
      throw error;
    }
    const kept: ResponseKept = { fingerprint, ...response, body: response.body ?? null };
    await this.store.append(streamId, [{ type: RESPONSE_KEPT, data: kept, metadata }], 'any');
    return { response, replayed: false };
  }
}

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** Applies `Idempotency-Key` to every POST of a controller. */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.headers['idempotency-key'];
    // Only authenticated callers have keys of their own; every POST route needs a token.
    if (request.method !== 'POST' || key === undefined || !request.principal) return next.handle();
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ProblemError(
        400,
        'invalid-idempotency-key',
        'Invalid Idempotency-Key',
        'Idempotency-Key must be 1 to 200 visible ASCII characters, e.g. a UUID.',
      );
    }
    // A replay must not answer a request that would have been refused.
    expectedRevisionFrom(request.headers['if-match']);
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const fingerprint = sha256(
      [
        request.method,
        request.originalUrl,
        request.headers['if-match'] ?? '',
        canonicalize(request.body ?? null) ?? '',
      ].join('\n'),
    );
    const execute = async (): Promise<StoredResponse> => {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) =>
          response.hasHeader(name) ? [[name, String(response.getHeader(name))]] : [],
        ),
      );
      return { status, headers, body };
    };
    return from(this.store.run(request.principal, key, fingerprint, execute)).pipe(
      map(({ response: stored, replayed }) => {
        if (replayed) {
          for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
          response.setHeader('Idempotent-Replayed', 'true');
        }
        return stored.body;
      }),
    );
  }
}
