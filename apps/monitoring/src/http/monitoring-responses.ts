import { CommandResult, IntegrityResult } from '@bildungsregion/http';
import { z } from 'zod';
import { EDUCATION_STAGES, PERIODICITIES, UNITS } from '../domain/indicator';

/** What the monitoring routes answer, for the OpenAPI document; fields beyond these may be added later. */

const date = z.string().describe('YYYY-MM-DD');
const timestamp = z.string().describe('ISO 8601 timestamp');
const thresholds = z.array(z.object({ value: z.number(), label: z.string() }));

const definition = {
  key: z.string(),
  name: z.string(),
  stage: z.enum(EDUCATION_STAGES),
  unit: z.enum(UNITS),
  definition: z.string(),
  source: z.string(),
  preferredDirection: z.enum(['higher', 'lower', 'none']),
  periodicity: z.enum(PERIODICITIES),
};

export const IndicatorListResult = z.array(
  z.looseObject({
    ...definition,
    id: z.string(),
    thresholds,
    synthetic: z.boolean(),
    measurementCount: z.int().min(0),
    latestPeriodEnd: date.nullable(),
    revision: z.int().min(0),
    updatedAt: timestamp,
  }),
);

export const IndicatorResult = z.object({
  revision: z.int().min(0),
  integrity: IntegrityResult,
  indicator: z.looseObject({
    ...definition,
    thresholds,
    synthetic: z.boolean(),
    measurementCount: z.int().min(0),
    periods: z.array(z.string()).describe('Every period with at least one value, oldest first.'),
  }),
});

export const SeriesResult = z.object({
  indicatorKey: z.string(),
  regionKey: z.string(),
  regionName: z.string(),
  breakdown: z.string(),
  points: z.array(
    z.looseObject({
      measurementId: z.string(),
      period: z.string(),
      periodEnd: date,
      value: z.number(),
      source: z.string(),
      corrected: z.boolean(),
      synthetic: z.boolean(),
    }),
  ),
});

const regionRef = { regionKey: z.string(), regionName: z.string() };

export const ComparisonResult = z.object({
  indicatorKey: z.string(),
  period: z.string(),
  breakdown: z.string(),
  ranking: z.array(
    z.looseObject({
      rank: z.int().min(1),
      ...regionRef,
      samtgemeinde: z.string().nullable(),
      value: z.number(),
      measurementId: z.string(),
    }),
  ),
  landkreis: z.number().nullable(),
  missing: z.array(z.object(regionRef)),
});

export const LatestValuesResult = z.array(
  z.looseObject({
    indicatorKey: z.string(),
    regionKey: z.string(),
    measurementId: z.string(),
    period: z.string(),
    periodEnd: date,
    value: z.number(),
  }),
);

export const RegionsResult = z.array(
  z.object({
    key: z.string(),
    name: z.string(),
    kind: z.enum(['landkreis', 'stadt', 'gemeinde']),
    samtgemeinde: z.string().optional(),
  }),
);

export const ReleasesResult = z.array(
  z.looseObject({
    id: z.string(),
    title: z.string(),
    periods: z.array(z.string()),
    indicatorKeys: z.array(z.string()),
    note: z.string().nullable(),
    publishedAt: timestamp,
    publishedBy: z.string(),
  }),
);

const importCounts = {
  fileName: z.string(),
  sha256: z.string(),
  rows: z.int().min(0),
  recorded: z.int().min(0),
  unchanged: z.int().min(0),
  rejected: z.int().min(0),
  importedAt: timestamp,
  importedBy: z.string(),
};

export const ImportListResult = z.array(z.looseObject({ id: z.string(), ...importCounts }));

export const ImportReportResult = z.object({
  importId: z.string(),
  ...importCounts,
  rejectionsByReason: z.array(
    z.object({
      reason: z.string(),
      count: z.int().min(1),
      lines: z.array(z.array(z.int().min(2)).length(2)),
      linesCut: z.literal(true).optional(),
    }),
  ),
});

export const RejectionPageResult = z.object({
  total: z.int().min(0),
  items: z.array(z.object({ line: z.int().min(2), reason: z.string() })),
});

export const MeasurementResult = CommandResult.extend({ measurementId: z.string() });
export const ReleaseResult = CommandResult.extend({ releaseId: z.string(), indicatorKeys: z.array(z.string()) });
