import { eventIdFor } from '@bildungsregion/bus';
import { CommandContext } from '@bildungsregion/event-store';
import { randomUUID } from 'node:crypto';
import { Principal, ServiceActor } from './principal';

/**
 * Who issues a command and on what grounds, as the application receives it from a controller or a
 * consumer; it becomes the metadata of every event the command records.
 */
export interface CommandRequest {
  readonly principal: Principal | ServiceActor;
  readonly correlationId: string;
  /** The revision the caller saw (`If-Match`); without it the command applies to the latest state. */
  readonly expectedRevision?: number;
  /** The caller's `Idempotency-Key`; ids of what the command creates are derived from it (`newIdFor`). */
  readonly idempotencyKey?: string;
  readonly reason?: string;
  readonly authority?: string;
  /** When the change took effect in the world (business time); defaults to now. */
  readonly effectiveAt?: string;
  readonly causationId?: string;
}

/**
 * The id of something a command creates. With an Idempotency-Key it follows from the key, the caller
 * and `scope`, so a retry creates the same id (and records nothing twice); without one it is random.
 * Application code makes these ids, never the controllers.
 */
export function newIdFor(request: CommandRequest, ...scope: [kind: string, ...within: string[]]): string {
  if (request.idempotencyKey === undefined) return randomUUID();
  const [kind, ...within] = scope;
  return eventIdFor(kind, request.principal.id, ...within, request.idempotencyKey);
}

/** The event metadata a request gives, for the command handler. */
export function commandContextOf(request: CommandRequest): CommandContext {
  return {
    actor: { id: request.principal.id, role: request.principal.role },
    correlationId: request.correlationId,
    ...(request.causationId !== undefined ? { causationId: request.causationId } : {}),
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.authority !== undefined ? { authority: request.authority } : {}),
    ...(request.effectiveAt !== undefined ? { effectiveAt: request.effectiveAt } : {}),
    ...(request.expectedRevision !== undefined ? { expectedRevision: request.expectedRevision } : {}),
  };
}
