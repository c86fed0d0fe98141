import { randomUUID } from 'node:crypto';
import { call } from './service-process';

/** What a test's or benchmark's indicator is called and described as; it is always a percentage where higher is better. */
export interface IndicatorDraft {
  /** The start of its key, which ends in a fresh suffix. */
  readonly keyPrefix: string;
  readonly name: string;
  readonly definition: string;
  readonly source: string;
}

/** Defines the indicator through the monitoring API; answers its key. */
export async function definedIndicator(
  monitoringUrl: string,
  headers: Record<string, string>,
  draft: IndicatorDraft,
): Promise<string> {
  const key = `${draft.keyPrefix}-${randomUUID().slice(0, 8)}`;
  const defined = await call(`${monitoringUrl}/indicators`, {
    headers,
    body: {
      key,
      name: draft.name,
      stage: 'weiterbildung',
      unit: 'percent',
      definition: draft.definition,
      source: draft.source,
      preferredDirection: 'higher',
      periodicity: 'reference-date',
    },
  });
  if (defined.status !== 201)
    throw new Error(`defining ${key} answered ${defined.status}: ${JSON.stringify(defined.body)}`);
  return key;
}
