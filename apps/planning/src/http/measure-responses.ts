import { pageOf } from '@bildungsregion/http';
import { z } from 'zod';
import { PLANNING_STAGES } from '../domain/capacity';
import { MEASURE_STATUSES } from '../domain/measure';

/** What the measure and gap routes answer, for the OpenAPI document. */

const timestamp = z.string().describe('ISO 8601 timestamp');

export const MeasureResult = z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  regionKey: z.string(),
  effect: z
    .object({
      institutionId: z.string(),
      stage: z.enum(PLANNING_STAGES),
      places: z.number(),
      effectiveFrom: z.string(),
    })
    .optional(),
  cost: z.object({ investment: z.number().optional(), annual: z.number().optional() }).optional(),
  goalIds: z.array(z.string()),
  status: z.enum(MEASURE_STATUSES),
  origin: z.object({ ideaId: z.string(), promotionId: z.string() }).optional(),
  approval: z.object({ authority: z.string(), decidedOn: z.string() }).optional(),
  implementedOn: z.string().optional(),
  droppedReason: z.string().optional(),
  plannedAt: timestamp,
  updatedAt: timestamp,
  revision: z.number(),
});
export const MeasurePageResult = pageOf(MeasureResult);

export const GapResult = z.looseObject({
  id: z.string().describe('<region key>.<stage>.<year>'),
  regionKey: z.string(),
  stage: z.enum(PLANNING_STAGES),
  year: z.number(),
  status: z.enum(['open', 'closed']),
  demand: z.number(),
  supply: z.number(),
  balance: z.number(),
  missingGroups: z.number(),
  measureIds: z.array(z.string()),
  identifiedAt: timestamp,
  closedAt: timestamp.optional(),
});
export const GapListResult = z.object({ items: z.array(GapResult) });
