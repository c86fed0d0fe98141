import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { EventStore, streamCategory } from '@bildungsregion/event-store';
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

export const KEPT_RESPONSES = streamCategory('idempotency');
const RESPONSE_KEPT = 'ResponseKept';
const DAY_MS = 86_400_000;
const REPLAYED_HEADERS = ['etag', 'location'];

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Remembers the first successful response to each Idempotency-Key (per caller) for a day, so a
 * retried request gets that response again instead of running twice. The response is kept in the
 * event store, next to the events the request recorded, so it is exactly as durable as they are
 * (the in-memory read models of the embedded default would forget it at a restart). Failed requests
 * are not kept: they changed nothing, so a retry may try again.
 */
export class IdempotencyStore {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly source: string,
    private readonly retentionMs = DAY_MS,
  ) {}

  async run(
    caller: Principal,
    key: string,
    fingerprint: string,
    execute: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    const streamId = KEPT_RESPONSES.streamId(sha256(`${caller.id}\n${key}`));
    const [earlier] = await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (earlier && Date.now() - Date.parse(earlier.recordedAt) < this.retentionMs) {
      const kept = earlier.data as ResponseKept;
      if (kept.fingerprint !== fingerprint) {
        throw new ProblemError(
          422,
          'idempotency-key-reused',
          'Idempotency-Key reused',
          'This Idempotency-Key was already used for a different request; use a new key for a new request.',
        );
      }
      return { response: { status: kept.status, headers: kept.headers, body: kept.body }, replayed: true };
    }
    if (this.inFlight.has(streamId)) {
      throw new ProblemError(
        409,
        'idempotency-key-in-flight',
        'Request in progress',
        'A request with this Idempotency-Key is still being processed; retry in a moment.',
      );
    }
    this.inFlight.add(streamId);
    try {
      const response = await execute();
      const kept: ResponseKept = { fingerprint, ...response, body: response.body ?? null };
      await this.store.append(
        streamId,
        [
          {
            type: RESPONSE_KEPT,
            data: kept,
            metadata: { actor: { id: caller.id, role: caller.role }, source: this.source },
          },
        ],
        'any',
      );
      return { response, replayed: false };
    } finally {
      this.inFlight.delete(streamId);
    }
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
