import { applyDecorators, Body, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';
import { ProblemError } from './problems';

export interface InvalidField {
  /** Where the problem is, e.g. `body.target.value` or `query.limit`. */
  readonly field: string;
  readonly message: string;
}

export class RequestValidationError extends ProblemError {
  constructor(readonly errors: readonly InvalidField[]) {
    super(
      400,
      'invalid-request',
      'Invalid request',
      errors.map(({ field, message }) => `${field}: ${message}`).join('; '),
      { errors },
    );
  }
}

function fieldOf(location: string, path: readonly PropertyKey[]): string {
  return [location, ...path.map(String)].join('.');
}

/** Parses one part of a request with a zod schema; anything that does not fit is a 400 naming each field. */
export class ZodValidationPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.output<Schema>> {
  constructor(
    private readonly schema: Schema,
    /** Where the value comes from, for the field names in errors: `body`, `query` or `path.<name>`. */
    private readonly location: string,
  ) {}

  transform(value: unknown): z.output<Schema> {
    const parsed = this.schema.safeParse(value ?? {});
    if (parsed.success) return parsed.data;
    throw new RequestValidationError(
      parsed.error.issues.map((issue) => {
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        return {
          field: fieldOf(this.location, issue.path),
          message:
            unknownKeys.length > 0
              ? `unknown field${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.map((key) => JSON.stringify(key)).join(', ')}`
              : issue.message,
        };
      }),
    );
  }
}

export function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}

/** The validated body, documented in OpenAPI from the same schema. */
export function ValidBody<Schema extends z.ZodType>(schema: Schema): ParameterDecorator {
  return Body(new ZodValidationPipe(schema, 'body'));
}

export function ValidQuery<Schema extends z.ZodType>(schema: Schema): ParameterDecorator {
  return Query(new ZodValidationPipe(schema, 'query'));
}

export function ValidParam<Schema extends z.ZodType>(name: string, schema: Schema): ParameterDecorator {
  return Param(name, new ZodValidationPipe(schema, `path.${name}`));
}

/** OpenAPI for a JSON body. */
export function ApiJsonBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({ schema: openApiSchemaOf(schema), ...(description ? { description } : {}) });
}

/** OpenAPI for each query parameter of an object schema. */
export function ApiQueryFrom(schema: z.ZodObject): MethodDecorator {
  const json = openApiSchemaOf(schema) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({
        name,
        required: json.required?.includes(name) ?? false,
        schema: property,
        description: property['description'] as string | undefined,
      }),
    ),
  );
}

export function ApiPathParam(name: string, schema: z.ZodType, description: string): MethodDecorator {
  return ApiParam({ name, schema: openApiSchemaOf(schema), description });
}
