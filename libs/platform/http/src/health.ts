import { z } from 'zod';

export interface ComponentHealth {
  readonly status: 'up' | 'down';
  readonly error?: string;
}

/** Runs a readiness check and reports it as up, or down with the error. */
export async function probe(check: () => Promise<unknown>): Promise<ComponentHealth> {
  try {
    await check();
    return { status: 'up' };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}

/** What `/health` reports; `down` answers 503. */
export interface HealthReporter {
  health(): Promise<{ readonly status: 'ok' | 'degraded' | 'down' }>;
}

/** Injection token of the service's health reporter (its runtime). */
export const HEALTH_REPORTER = Symbol('HEALTH_REPORTER');

/** Who does the work one instance at a time may do, as `/health` reports it. */
export const LeaseStatus = z
  .object({
    name: z.string(),
    instance: z.string().describe('This instance.'),
    held: z.boolean().describe('Whether this instance holds the lease and does the work.'),
    holder: z.string().nullable().describe('The holder as stored, null when nobody holds it.'),
    expiresAt: z.string().nullable(),
    lastError: z.string().optional(),
  })
  .describe('The lease on projections, relay and sealing.');
export type LeaseStatus = z.infer<typeof LeaseStatus>;
