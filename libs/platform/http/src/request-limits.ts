import type { NextFunction, Request, Response } from 'express';
import { ProblemError } from './problems';

/** Deeper JSON than any of our bodies needs; deeper input would only exhaust the stack of whatever walks it. */
export const MAX_JSON_DEPTH = 32;

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Whether a parsed JSON value nests deeper than `limit`, walked without recursion. */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop() as [unknown, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Refuses JSON bodies nested deeper than `MAX_JSON_DEPTH` before any guard, pipe or interceptor sees them. */
export function rejectDeepJson(request: Request, _response: Response, next: NextFunction): void {
  if (request.body !== undefined && jsonDepthExceeds(request.body, MAX_JSON_DEPTH)) {
    next(
      new ProblemError(
        400,
        'body-too-deep',
        'Body nested too deeply',
        `The request body nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels.`,
      ),
    );
    return;
  }
  next();
}

const methodNotAllowed = (method: string, allowed: readonly string[]) =>
  new ProblemError(
    405,
    'method-not-allowed',
    'Method not allowed',
    `The method ${method} is not supported here; use ${allowed.join(', ')}.`,
    {},
    { Allow: allowed.join(', ') },
  );

/**
 * Answers a method the OpenAPI document does not list for a documented path with 405 and the
 * methods it does list (HEAD with GET), and methods no route uses at all (TRACE, CONNECT, …) with
 * 405 everywhere, instead of "not found".
 */
export function rejectUndocumentedMethods(document: { readonly paths: Record<string, object> }) {
  const templates = Object.entries(document.paths).map(([path, item]) => {
    const methods = Object.keys(item)
      .map((method) => method.toUpperCase())
      .filter((method) => HTTP_METHODS.includes(method));
    return {
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^/}]+\}/g, '[^/]+')}/?$`),
      methods: methods.includes('GET') ? [...methods, 'HEAD'] : methods,
    };
  });
  return (request: Request, _response: Response, next: NextFunction): void => {
    if (!HTTP_METHODS.includes(request.method)) return next(methodNotAllowed(request.method, HTTP_METHODS));
    if (request.method === 'OPTIONS') return next();
    const allowed = [
      ...new Set(templates.filter(({ pattern }) => pattern.test(request.path)).flatMap(({ methods }) => methods)),
    ];
    if (allowed.length > 0 && !allowed.includes(request.method)) return next(methodNotAllowed(request.method, allowed));
    next();
  };
}

/** What body-parser throws: an http-errors error, with a `type` for the cases it names. */
interface BodyParserError {
  readonly type?: string;
  readonly status: number;
  readonly expose: true;
  readonly limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { expose?: unknown }).expose === true &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/** The problem for an error raised while reading the body (by body-parser), or undefined for any other error. */
export function bodyReadingProblem(error: unknown): ProblemError | undefined {
  if (!isBodyParserError(error)) return undefined;
  switch (error.type) {
    case 'entity.too.large':
      return new ProblemError(
        413,
        'payload-too-large',
        'Payload too large',
        `The request body is larger than the ${error.limit ?? 'allowed'} bytes this route accepts.`,
      );
    case 'entity.parse.failed':
      // The parser's message quotes the raw body; the caller has it already and logs should not get it.
      return new ProblemError(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemError(
        415,
        'unsupported-encoding',
        'Unsupported encoding',
        'The body must be UTF-8, sent as is, gzip- or deflate-compressed.',
      );
    default:
      return error.status >= 400 && error.status < 500
        ? new ProblemError(
            error.status,
            'unreadable-body',
            'Unreadable body',
            'The request body could not be read, e.g. it is not valid for its Content-Encoding.',
          )
        : undefined;
  }
}
