import { Context, context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { isTraceparent } from '@bildungsregion/contracts';
import { NewEvent } from './envelope';

/**
 * W3C trace context across the event store and the bus. Only the OpenTelemetry API is used here: with
 * no tracing set up (the default) every call is a no-op and no event carries a trace context.
 */
export const tracer = trace.getTracer('bildungsregion');

/** The `traceparent` of a context (default: the active one), if a span is recording in it. */
export function traceparentOf(of: Context = context.active()): string | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(of, carrier);
  return isTraceparent(carrier['traceparent']) ? carrier['traceparent'] : undefined;
}

/** The context a `traceparent` continues, or a fresh root when there is none. */
export function contextOf(traceparent: string | undefined): Context {
  return isTraceparent(traceparent) ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** Runs `work` in a new active span, child of `parent` (default: the active context), and ends it. */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; parent?: Context; attributes?: Record<string, string | number> },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  const span = tracer.startSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * The events with the active trace context as their `traceparent` where they name none. Stores call
 * it as an append arrives, since a group commit appends later, in another append's context.
 */
export function inActiveTrace(events: readonly NewEvent[]): readonly NewEvent[] {
  const traceparent = traceparentOf();
  if (traceparent === undefined || !Array.isArray(events)) return events;
  return events.map((event) =>
    event?.metadata?.traceparent !== undefined || typeof event?.metadata !== 'object'
      ? event
      : { ...event, metadata: { ...event.metadata, traceparent } },
  );
}
