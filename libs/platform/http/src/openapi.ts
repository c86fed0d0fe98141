import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from './auth/auth.guard';

type Operation = {
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string; content?: unknown }>;
  security?: unknown[];
  [PUBLIC_EXTENSION]?: boolean;
};

/** RFC 9457 problem details as every error is answered. */
const PROBLEM_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable, for clients to branch on.' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'With 400: every wrong field and what is wrong with it.',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Documents the answers every route of the kit can give besides its own: problem+json errors for
 * malformed input (400), missing or refused credentials (401, 403), unknown ids (404), bodies too
 * large or of the wrong type (413, 415), commands' conflicts and rule violations (409, 422), and a
 * store that cannot be reached (503); public routes carry no security requirement.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const isPublic = operation[PUBLIC_EXTENSION] === true;
      delete operation[PUBLIC_EXTENSION];
      const responses = (operation.responses ??= {});
      const add = (status: number, description: string) => {
        const documented = responses[String(status)];
        if (documented?.content) return;
        responses[String(status)] = problem(documented?.description ?? description);
      };
      if (isPublic) operation.security = [];
      if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody)
        add(400, 'The request is malformed; the problem names every wrong field.');
      if (!isPublic) {
        add(401, 'No bearer token, or one that is not valid.');
        add(403, 'The caller’s role (or, for actors, party list) does not allow this.');
      }
      // A route whose query names a resource declares its 404 itself; the problem body is added here.
      if (path.includes('{') || responses['404']) add(404, 'There is no such resource.');
      if (operation.requestBody) {
        add(413, 'The body is larger than the route accepts.');
        add(415, 'The body is not of a media type the route accepts.');
      }
      if (responses['409']) add(409, 'Conflict with the current state.');
      if (responses['422']) add(422, 'A business rule is broken.');
      add(503, 'A store the route needs cannot be reached at the moment; retry after Retry-After seconds.');
    }
  }
  return document;
}

/** Serves the OpenAPI document at /docs (UI) and /docs/openapi.json. */
export function setUpOpenApi(
  app: INestApplication,
  info: { title: string; description: string; version: string },
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title)
    .setDescription(info.description)
    .setVersion(info.version)
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  const document = completeOpenApiDocument(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return document;
}
