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
