import { z } from 'zod';
import { actor, contract, finite, id, measuredValue, period, text } from './shared-schemas';
import { Topics } from './topics';

/** What monitoring publishes on bildung.monitoring.v1. */
export const MeasurementRecorded = contract(
  Topics.monitoring,
  'bildung.monitoring.measurement-recorded.v1',
  z.strictObject({
    ...measuredValue,
    breakdown: z
      .strictObject({
        sex: z.enum(['female', 'male', 'diverse']).optional(),
        nationality: z.enum(['german', 'foreign']).optional(),
      })
      .optional(),
    source: text,
    recordedBy: actor,
    importId: id.optional(),
  }),
);

export const MeasurementCorrected = contract(
  Topics.monitoring,
  'bildung.monitoring.measurement-corrected.v1',
  z.strictObject({
    ...measuredValue,
    previousValue: finite,
    reason: text,
    correctedBy: actor,
  }),
);

export const ThresholdBreached = contract(
  Topics.monitoring,
  'bildung.monitoring.threshold-breached.v1',
  z.strictObject({
    ...measuredValue,
    threshold: finite,
    preferredDirection: z.enum(['higher', 'lower']),
  }),
);

export const ReleasePublished = contract(
  Topics.monitoring,
  'bildung.monitoring.release-published.v1',
  z.strictObject({ releaseId: id, title: text, periods: z.array(period).min(1), publishedBy: actor }),
);
