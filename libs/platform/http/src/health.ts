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
