import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CommandRequest, Principal } from '@bildungsregion/application';
import { expectedRevisionFrom } from './revisions';

/** Who sends a command and what the request says about it, gathered from the authenticated request. */
export interface Caller {
  readonly principal: Principal;
  readonly correlationId: string;
  /** Sets a response header (`ETag`, `Location`). */
  setHeader(name: string, value: string): void;
  /** The request as the application takes it, with the grounds the body gave. */
  command(grounds?: CommandGrounds): CommandRequest;
}

/** Why and on whose authority a change is made, and from when it is in effect, as a request body says it. */
export interface CommandGrounds {
  readonly reason?: string | undefined;
  readonly authority?: string | undefined;
  readonly effectiveOn?: string | undefined;
}

export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
  const response = context.switchToHttp().getResponse<Response>();
  if (!request.principal) throw new Error('CurrentCaller used on a route without authentication.');
  const expectedRevision = expectedRevisionFrom(request.headers['if-match']);
  const key = request.headers['idempotency-key'];
  const principal = request.principal;
  const correlationId = String(request.id);
  const idempotencyKey = typeof key === 'string' ? key : undefined;
  return {
    principal,
    correlationId,
    setHeader: (name, value) => void response.setHeader(name, value),
    command: (grounds = {}) => ({
      principal,
      correlationId,
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
      ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
      ...(grounds.reason !== undefined ? { reason: grounds.reason } : {}),
      ...(grounds.authority !== undefined ? { authority: grounds.authority } : {}),
      ...(grounds.effectiveOn !== undefined ? { effectiveAt: grounds.effectiveOn } : {}),
    }),
  };
});
