import { IntegrationEvent, MeasurementRecorded } from '@bildungsregion/contracts';
import { randomUUID } from 'node:crypto';

/** A valid measurement-recorded event; `sequence` travels as the value so tests can check order. */
export function measurementRecorded(
  regionKey: string,
  sequence: number,
  overrides: Partial<IntegrationEvent> = {},
): IntegrationEvent {
  return {
    id: randomUUID(),
    type: MeasurementRecorded.type,
    source: 'monitoring',
    subject: `measurement-${regionKey}-${sequence}`,
    time: new Date().toISOString(),
    correlationId: 'bus-contract',
    data: {
      measurementId: `measurement-${regionKey}-${sequence}`,
      indicatorKey: 'betreuungsquote-u3',
      regionKey,
      period: '2025',
      value: sequence,
      source: 'contract test',
      recordedBy: { id: 'coordinator-1', role: 'coordinator' },
    },
    ...overrides,
  };
}

export function valueOf(event: IntegrationEvent): number {
  return (event.data as { value: number }).value;
}
