import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Exports what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Tracing is global to a process, as OpenTelemetry's registration is. */
let active: Tracing | undefined;

/** Whether this process traces; while it does not, no span is started at all. */
export function tracingIsOn(): boolean {
  return active !== undefined;
}

/** Exports the spans still buffered, as a service shuts down; nothing when tracing is off. */
export async function shutDownTracing(): Promise<void> {
  const tracing = active;
  active = undefined;
  await tracing?.shutdown();
}

/**
 * Turns tracing on for this process: spans of HTTP requests, commands, publications and deliveries,
 * with W3C trace context kept in events and sent as `ce_traceparent`. Off (nothing registered, every
 * span a no-op) unless `otlpEndpoint` names an OTLP/HTTP collector, to which spans go in batches.
 * One process registers tracing once.
 */
export function startTracing(service: string, options: { readonly otlpEndpoint?: string }): Tracing | undefined {
  if (!options.otlpEndpoint) return undefined;
  const exporter = new OTLPTraceExporter({ url: `${options.otlpEndpoint.replace(/\/$/, '')}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': service }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  active = {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  return active;
}
