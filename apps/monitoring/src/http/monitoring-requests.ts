import { indicatorKey, period, regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { EDUCATION_STAGES, NATIONALITIES, PERIODICITIES, SEXES, UNITS } from '../domain/indicator';

/** Request shapes. Unknown fields are refused, so a typo never silently drops data. */

const text = requestText;
const value = z.number('must be a number').finite();
const reason = text(2_000).describe('Why; kept in the audit trail.');
const direction = z
  .enum(['higher', 'lower', 'none'])
  .describe('Which way is better; none for counts that describe rather than judge.');
const threshold = z.strictObject({ value, label: text(200) });
const thresholds = z.array(threshold).max(10);
const breakdown = z.strictObject({ sex: z.enum(SEXES).optional(), nationality: z.enum(NATIONALITIES).optional() });

export const key = indicatorKey.max(80);
export const importId = z.uuid('must be an import id (UUID)');

export const DefineIndicatorRequest = z.strictObject({
  key,
  name: text(200),
  stage: z.enum(EDUCATION_STAGES),
  unit: z.enum(UNITS),
  definition: text(5_000),
  source: text(500),
  preferredDirection: direction,
  periodicity: z
    .enum(PERIODICITIES)
    .describe('How periods are written: year 2025, school-year 2025/26, reference-date 2025-06-30.'),
  thresholds: thresholds.default([]),
});

export const ReviseIndicatorRequest = z.strictObject({
  reason,
  changes: z
    .strictObject({
      name: text(200).optional(),
      stage: z.enum(EDUCATION_STAGES).optional(),
      definition: text(5_000).optional(),
      source: text(500).optional(),
      preferredDirection: direction.optional(),
    })
    .refine((changes) => Object.keys(changes).length > 0, 'name at least one field to change'),
});

export const ThresholdsRequest = z.strictObject({ thresholds, reason: reason.optional() });

export const MeasurementRequest = z.strictObject({
  indicatorKey: key,
  regionKey,
  period,
  value,
  breakdown: breakdown.optional(),
  source: text(500).optional().describe("Where the value comes from; defaults to the indicator's source."),
});

export const CorrectionRequest = z.strictObject({
  regionKey,
  period,
  breakdown: breakdown.optional(),
  value,
  reason,
});

export const ReleaseRequest = z.strictObject({
  title: text(300),
  periods: z.array(period).min(1, 'name at least one period').max(20),
  indicatorKeys: z
    .array(key)
    .min(1)
    .max(200)
    .optional()
    .describe('Defaults to every indicator with a measurement in these periods.'),
  note: text(5_000).optional(),
});

const breakdownKey = z
  .string()
  .regex(
    /^(total|sex=(female|male|diverse)(,nationality=(german|foreign))?|nationality=(german|foreign))$/,
    'must be total, sex=<female|male|diverse>, nationality=<german|foreign> or both joined by a comma',
  )
  .default('total');

export const IndicatorListQuery = z.strictObject({ stage: z.enum(EDUCATION_STAGES).optional() });
export const SeriesQuery = z.strictObject({ region: regionKey, breakdown: breakdownKey });
export const ComparisonQuery = z.strictObject({ period, breakdown: breakdownKey });
export const LatestQuery = z.strictObject({ indicator: key.optional(), region: regionKey.optional() });
/** A page of a list. */
export const PageQuery = z.strictObject({
  offset: queryWholeNumber(0, 10_000_000).default(0),
  limit: queryWholeNumber(1, 1_000).default(100),
});
