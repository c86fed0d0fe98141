import { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ProjectionStatus } from '@bildungsregion/read-models';
import { Metrics } from './metrics';

/** The moving parts behind a service's API (projections, relay), as its module starts and stops them. */
export interface ServiceRuntime {
  start(options: { readonly seedSampleData: boolean }): Promise<void>;
  /** Publishes and applies what is in hand, then stops; runs before the bus closes. */
  stop(): Promise<void>;
  /** Closes the stores, last. */
  close(): Promise<void>;
  /** What `/health` reports; `down` answers 503. */
  health(): Promise<{ readonly status: 'ok' | 'degraded' | 'down' }>;
}

/** Injection token of the service's runtime. */
export const SERVICE_RUNTIME = Symbol('SERVICE_RUNTIME');

/** Starts the runtime on bootstrap and stops it before the bus closes; created by `serviceProviders`. */
export class ServiceLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly seedSampleData: boolean,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start({ seedSampleData: this.seedSampleData });
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  onApplicationShutdown(): Promise<void> {
    return this.runtime.close();
  }
}

/**
 * The lag gauges every runtime reports: per projection how many events are not applied yet and how old
 * the oldest is, and how many public events the relay has not published yet. One scrape reads each
 * projection's status once for both projection gauges.
 */
export function registerLagGauges(
  metrics: Metrics,
  parts: { readonly projections: readonly { status(): Promise<ProjectionStatus> }[]; readonly relay: { status(): Promise<{ readonly name: string; readonly lagEvents: number }> } },
): void {
  let pending: Promise<ProjectionStatus[]> | undefined;
  const statuses = () => (pending ??= Promise.all(parts.projections.map((projection) => projection.status())).finally(() => (pending = undefined)));
  metrics.gauge('projection_lag_events', 'Events not yet applied to a read model', ['projection'], async (gauge) => {
    for (const status of await statuses()) gauge.set({ projection: status.name }, status.lagEvents);
  });
  metrics.gauge('projection_lag_seconds', 'Age of the oldest event not yet applied to a read model', ['projection'], async (gauge) => {
    for (const status of await statuses()) gauge.set({ projection: status.name }, status.lagSeconds);
  });
  metrics.gauge('relay_lag_events', 'Stored public events not yet on the bus', ['relay'], async (gauge) => {
    const status = await parts.relay.status();
    gauge.set({ relay: status.name }, status.lagEvents);
  });
}
