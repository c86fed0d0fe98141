import { IntegrationEvent, isTraceparent } from '@bildungsregion/contracts';
import { RawRecord } from './transport';

/**
 * CloudEvents Kafka protocol binding, binary content mode: the attributes travel as `ce_` headers
 * and the message value is the event data alone. Correlation and causation are extension attributes;
 * `traceparent` is the distributed-tracing extension, dropped on receipt when it is not a valid one.
 */
const ATTRIBUTE_HEADERS = {
  id: 'ce_id',
  type: 'ce_type',
  source: 'ce_source',
  subject: 'ce_subject',
  time: 'ce_time',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  traceparent: 'ce_traceparent',
} as const;

export const CONTENT_TYPE = 'application/json';

export function encodeCloudEvent(
  event: IntegrationEvent,
  key: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): RawRecord {
  const headers: Record<string, string> = { ...extraHeaders, ce_specversion: '1.0', 'content-type': CONTENT_TYPE };
  for (const [attribute, header] of Object.entries(ATTRIBUTE_HEADERS)) {
    const value = event[attribute as keyof typeof ATTRIBUTE_HEADERS];
    if (value !== undefined) headers[header] = value;
  }
  return { key, value: JSON.stringify(event.data), headers };
}

/** Rebuilds the envelope from a record; the result still has to be validated against its contract. */
export function decodeCloudEvent(
  record: RawRecord,
): { ok: true; candidate: Record<string, unknown> } | { ok: false; error: string } {
  if (record.headers['ce_specversion'] !== '1.0') {
    return {
      ok: false,
      error: `not a CloudEvents 1.0 message (ce_specversion is ${record.headers['ce_specversion'] ?? 'missing'})`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(record.value);
  } catch (error) {
    return { ok: false, error: `value is not JSON: ${(error as Error).message}` };
  }
  const candidate: Record<string, unknown> = { data };
  for (const [attribute, header] of Object.entries(ATTRIBUTE_HEADERS)) {
    if (record.headers[header] !== undefined) candidate[attribute] = record.headers[header];
  }
  if (!isTraceparent(candidate['traceparent'])) delete candidate['traceparent'];
  return { ok: true, candidate };
}
