import { contextOf, tracer } from '@bildungsregion/event-store';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';

/**
 * A server span per request, continuing the caller's `traceparent` if it sends one; the request is
 * handled in it, so the commands it causes and the events they record belong to its trace. Named
 * by the route once it is known. A no-op while tracing is off.
 */
export function traceRequests(request: Request, response: Response, next: NextFunction): void {
  const header = request.headers['traceparent'];
  const parent = contextOf(typeof header === 'string' ? header : undefined);
  const span = tracer.startSpan(
    `${request.method}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.path } },
    parent,
  );
  response.once('close', () => {
    const route = (request.route as { path?: string } | undefined)?.path;
    if (route) span.updateName(`${request.method} ${route}`);
    span.setAttribute('http.response.status_code', response.statusCode);
    if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}
