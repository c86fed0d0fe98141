import { z } from 'zod';

/**
 * What services tell each other over the bus. On the wire the envelope travels as CloudEvents
 * headers (binary mode) and `data` as the message value.
 */
export interface IntegrationEvent<Data = unknown> {
  /** UUID; consumers use it to recognise a redelivered message. */
  readonly id: string;
  /** Versioned type, e.g. `bildung.monitoring.measurement-recorded.v1`. */
  readonly type: string;
  /** The publishing service, e.g. `monitoring`. */
  readonly source: string;
  /** The aggregate the event is about; also the message key, which keeps its events in order. */
  readonly subject: string;
  /** ISO 8601 time the underlying fact was recorded. */
  readonly time: string;
  readonly correlationId: string;
  /** The id of the stored event this integration event publishes. */
  readonly causationId?: string;
  /** W3C trace context of the publication (CloudEvents distributed tracing, `ce_traceparent`). */
  readonly traceparent?: string;
  readonly data: Data;
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Whether a text is a W3C `traceparent`; anything else is dropped rather than stored or sent on. */
export function isTraceparent(value: unknown): value is string {
  return typeof value === 'string' && TRACEPARENT.test(value);
}

export interface IntegrationEventContract<Data = unknown> {
  readonly type: string;
  readonly topic: string;
  readonly schema: z.ZodType<Data>;
}

const text = z.string().trim().min(1).max(2_000);

export const integrationEventEnvelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z
    .string()
    .regex(/^bildung\.[a-z]+\.[a-z0-9-]+\.v[1-9][0-9]*$/, 'must look like bildung.<service>.<event>.v<version>'),
  source: text,
  subject: text,
  time: z.iso.datetime({ offset: true }),
  correlationId: text,
  causationId: text.optional(),
  traceparent: z.string().regex(TRACEPARENT, 'must be a W3C traceparent').optional(),
  data: z.unknown(),
});
