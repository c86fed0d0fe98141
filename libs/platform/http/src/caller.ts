import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Principal } from './auth/principal';
import { expectedRevisionFrom } from './revisions';

/** Who sends a command and what the request says about it, gathered from the authenticated request. */
export interface Caller {
  readonly principal: Principal;
  readonly correlationId: string;
  /** From `If-Match`; undefined when the caller did not name a revision. */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** Sets a response header (`ETag`, `Location`). */
  setHeader(name: string, value: string): void;
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
  const response = context.switchToHttp().getResponse<Response>();
  if (!request.principal) throw new Error('CurrentCaller used on a route without authentication.');
  const expectedRevision = expectedRevisionFrom(request.headers['if-match']);
  const key = request.headers['idempotency-key'];
  return {
    principal: request.principal,
    correlationId: String(request.id),
    ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    ...(typeof key === 'string' ? { idempotencyKey: key } : {}),
    setHeader: (name, value) => void response.setHeader(name, value),
  };
});
