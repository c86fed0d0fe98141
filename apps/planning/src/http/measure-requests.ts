import { regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestDate, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { PLANNING_STAGES } from '../domain/capacity';
import { MEASURE_STATUSES } from '../domain/measure';
import { institutionId } from './capacity-requests';

/** Request shapes of measures and gaps. Unknown fields are refused. */

export const measureId = z.uuid('must be a measure id (UUID)');
const goalId = z.uuid('must be a goal id (UUID)');
const euros = z.number().min(0, 'must not be negative').max(10_000_000_000);

const terms = {
  title: requestText(200),
  description: z.string().trim().max(10_000).default('').describe('What is done, and why.'),
  regionKey: regionKey.describe('The municipality it is for, or the district for measures across it.'),
  effect: z
    .strictObject({
      institutionId,
      stage: z.enum(PLANNING_STAGES),
      places: z.number().int('must be a whole number').min(1, 'must add at least one place').max(10_000),
      effectiveFrom: requestDate.describe(
        'The day the places exist from; the plan counts them from the next 1 August.',
      ),
    })
    .optional()
    .describe('The places it adds to a stage at an institution; absent for measures without one.'),
  cost: z
    .strictObject({ investment: euros.optional(), annual: euros.optional() })
    .optional()
    .describe('Euros: once to build, and every year to run.'),
  goalIds: z.array(goalId).max(20).default([]).describe('The goals it serves.'),
};

export const PlanMeasureRequest = z.strictObject(terms);
export const ReviseMeasureRequest = z.strictObject({
  ...terms,
  reason: requestText(2_000).describe('Why, in a sentence; kept in the history.'),
});
export const ApprovalRequest = z.strictObject({
  authority: requestText(500).describe('Who decided it, e.g. the council and its resolution number.'),
  decidedOn: requestDate,
});
export const ImplementationRequest = z.strictObject({ implementedOn: requestDate });

export const MeasureListQuery = z.strictObject({
  q: z.string().trim().max(200).optional().describe('Words that must all occur in the title.'),
  regionKey: regionKey.optional(),
  status: z.enum(MEASURE_STATUSES).optional(),
  goal: goalId.optional().describe('Only measures serving this goal.'),
  institution: institutionId.optional().describe('Only measures adding places at this institution.'),
  offset: queryWholeNumber(0, 10_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
});
export const GapListQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(),
  regionKey: regionKey.optional(),
  stage: z.enum(PLANNING_STAGES).optional(),
  fromYear: queryWholeNumber(2000, 2100)
    .optional()
    .describe('The first plan year listed; the coming Kita year when absent.'),
});
