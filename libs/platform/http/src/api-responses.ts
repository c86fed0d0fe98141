import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** JSON schema of what a route answers (its output), for the OpenAPI document. */
export function openApiOutputSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

export interface ResponseHeader {
  readonly description: string;
  readonly required?: boolean;
  readonly pattern?: string;
}

/** The success answer of a route, documented from a schema, so clients and the API fuzzing can check answers. */
export function ApiResult(
  schema: z.ZodType,
  options: {
    readonly status?: number;
    readonly description?: string;
    readonly headers?: Readonly<Record<string, ResponseHeader>>;
    /** Other media types the route can answer in, e.g. text/csv, each a string. */
    readonly alsoAs?: readonly string[];
  } = {},
): MethodDecorator {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([name, header]) => [
      name,
      {
        description: header.description,
        required: header.required ?? false,
        schema: { type: 'string', ...(header.pattern ? { pattern: header.pattern } : {}) },
      },
    ]),
  );
  return applyDecorators(
    ApiResponse({
      status: options.status ?? 200,
      description: options.description ?? 'Success',
      headers,
      content: {
        'application/json': { schema: openApiOutputSchemaOf(schema) },
        ...Object.fromEntries((options.alsoAs ?? []).map((type) => [type, { schema: { type: 'string' } }])),
      },
    }),
  );
}

const timestamp = z.string().describe('ISO 8601 timestamp');
const who = z.object({ id: z.string(), role: z.string() });

/** What every command answers; services add the id of what a command created. */
export const CommandResult = z.looseObject({
  revision: z.int().min(0),
  events: z.array(z.object({ eventId: z.string(), type: z.string() })),
});

/** Notes on a recorded command, e.g. a party the actors directory does not know; the command was recorded. */
export const CommandWarningsResult = z
  .array(
    z.object({
      code: z.enum(['unknown-actor', 'retired-actor', 'directory-unavailable']),
      actorId: z.string().optional(),
      message: z.string(),
    }),
  )
  .describe('Recorded all the same; each warning says what deserves a second look.');

/** The actors directory's names of the actors a document names, by actor id; unknown ids are left out. */
export const ActorNamesResult = z
  .record(z.string(), z.object({ name: z.string(), status: z.enum(['active', 'retired']) }))
  .describe("Names from the local copy of planning's actors directory, by actor id.");

export const HistoryEntryResult = z.object({
  revision: z.int().min(0),
  eventId: z.string(),
  type: z.string(),
  recordedAt: timestamp,
  effectiveAt: timestamp,
  actor: who,
  reason: z.string().optional(),
  authority: z.string().optional(),
  correlationId: z.string(),
  causationId: z.string().optional(),
  schemaVersion: z.int().min(1),
  data: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

/** A page of a list: the items, how many there are in all, and where the page starts. */
export const pageOf = (item: z.ZodType) =>
  z.object({ items: z.array(item), total: z.int().min(0), offset: z.int().min(0), limit: z.int().min(0) });

const brokenLink = z.looseObject({
  streamId: z.string(),
  eventId: z.string(),
  revision: z.int(),
  position: z.int(),
  problem: z.looseObject({ reason: z.string() }),
});

export const StreamVerificationResult = z.looseObject({
  streamId: z.string(),
  valid: z.boolean(),
  eventsChecked: z.int().min(0),
  headHash: z.string(),
  firstBroken: brokenLink.optional(),
});

export const StoreVerificationResult = z.looseObject({
  valid: z.boolean(),
  streamsChecked: z.int().min(0),
  eventsChecked: z.int().min(0),
  broken: z.array(brokenLink),
});

/** Whether an aggregate's recorded history still verifies (see the event store's chain guard). */
export const IntegrityResult = z.union([
  z.object({ intact: z.literal(true) }),
  z.object({ intact: z.literal(false), problem: z.looseObject({ reason: z.string() }) }),
]);
