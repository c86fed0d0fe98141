import { applyDecorators, Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiHeader,
  ApiOperation,
  ApiOperationOptions,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Counter } from 'prom-client';
import { Role, CommandOutcome } from '@bildungsregion/application';
import { z } from 'zod';
import { Roles } from './auth/auth.guard';
import { Caller } from './caller';
import { IdempotencyInterceptor } from './idempotency';
import { Metrics } from './metrics';
import { ApiResult, CommandResult } from './api-responses';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency';
import { etagOf, IF_MATCH_PATTERN } from './revisions';
import { ApiJsonBody } from './validation';

/** What every command answers: the aggregate's new revision (also in `ETag`) and what was recorded. */
export interface CommandResponse {
  readonly revision: number;
  readonly events: readonly { readonly eventId: string; readonly type: string }[];
}

/**
 * A controller of task-based commands: `If-Match`, `Idempotency-Key` and `X-Correlation-Id` documented
 * and applied, and the 409/422 answers every command can give.
 */
export function CommandController(path: string, tag: string, noun: string): ClassDecorator {
  return applyDecorators(
    ApiTags(tag),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: `ETag of the ${noun}'s revision the change is based on, like "3"; 409 when it has changed since.`,
      schema: { type: 'string', pattern: IF_MATCH_PATTERN.source },
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Up to 200 visible ASCII characters, e.g. a UUID. A retried request with the same key returns the first response and records nothing twice.',
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description:
        'Carried into the recorded events and the logs; generated when absent or not of up to 100 letters, digits and . _ : -.',
      schema: { type: 'string' },
    }),
    ApiConflictResponse({ description: 'Invalid transition, or a stale If-Match (problem+json).' }),
    ApiUnprocessableEntityResponse({ description: 'The command breaks a business rule (problem+json).' }),
    UseInterceptors(IdempotencyInterceptor),
    Controller(path),
  );
}

/** One command route: path, status, validated and documented body, the roles that may send it, its summary, and what it answers. */
export function CommandRoute(
  path: string,
  status: 200 | 201,
  body: z.ZodType,
  roles: readonly Role[],
  { result = CommandResult, ...operation }: ApiOperationOptions & { readonly result?: z.ZodType },
): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(status),
    Roles(...roles),
    ApiOperation(operation),
    ApiJsonBody(body),
    ApiResult(result, {
      status,
      description: 'Recorded: the new revision and the recorded events.',
      headers: { ETag: { description: 'The new revision, for If-Match.', required: true } },
    }),
  );
}

/** `CommandRoute` with the answer a controller's commands share by default, e.g. one that adds the aggregate's id. */
export function commandRoutesAnswering(defaultResult: z.ZodType): typeof CommandRoute {
  return (path, status, body, roles, operation) =>
    CommandRoute(path, status, body, roles, { result: defaultResult, ...operation });
}

/** Runs commands for controllers: counts each by name and outcome, sets the `ETag`, and shapes the answer. */
export class CommandResponses {
  private readonly commands: Counter<'command' | 'outcome'>;

  constructor(metrics: Metrics, service: string) {
    this.commands = metrics.counter(`${service.replace(/-/g, '_')}_commands_total`, 'Commands by type and outcome', [
      'command',
      'outcome',
    ]);
  }

  /** The answer is the revision, the events, whatever else the use case returned, and the aggregate's id under `idAs` when given. */
  async run<Outcome extends CommandOutcome, IdKey extends string = never>(
    command: string,
    caller: Caller,
    execute: () => Promise<Outcome>,
    idAs?: IdKey,
  ): Promise<CommandResponse & Omit<Outcome, keyof CommandOutcome> & Record<IdKey, string>> {
    let outcome: Outcome;
    try {
      outcome = await execute();
    } catch (error) {
      this.commands.inc({ command, outcome: 'refused' });
      throw error;
    }
    this.commands.inc({ command, outcome: 'accepted' });
    caller.setHeader('ETag', etagOf(outcome.revision));
    const { id, revision, events, ...rest } = outcome;
    const named = (idAs === undefined ? {} : { [idAs]: id }) as Record<IdKey, string>;
    return { ...named, ...rest, revision, events: events.map((event) => ({ eventId: event.id, type: event.type })) };
  }
}
