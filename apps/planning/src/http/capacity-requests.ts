import { EDUCATION_STAGES, regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestDate, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { PLANNING_STAGES, STATUS_QUO_ASSUMPTIONS } from '../domain/capacity';
import { INSTITUTION_TYPES } from '../domain/institution';
import { OFFERING_KINDS } from '../domain/offering';
import { actorId } from './planning-requests';

/** Request shapes of institutions, offerings, scenarios and plans. Unknown fields are refused. */

const text = requestText;
const reason = text(2_000).describe('Why, in a sentence; kept in the history.');
const count = (max: number) => z.number().int('must be a whole number').min(0, 'must not be negative').max(max);
const paging = {
  offset: queryWholeNumber(0, 10_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
};
const search = z.string().trim().max(200).optional().describe('Words that must all occur in the name or title.');
const year = z.number().int().min(2000).max(2100);
const queryYear = queryWholeNumber(2000, 2100);
export const institutionId = z.uuid('must be an institution id (UUID)');
export const offeringId = z.uuid('must be an offering id (UUID)');
export const scenarioId = actorId.describe('A scenario id: status-quo or a generated id');
export const planRunId = z.uuid('must be a plan run id (UUID)');

export const RegisterInstitutionRequest = z.strictObject({
  name: text(200),
  type: z.enum(INSTITUTION_TYPES),
  regionKey: regionKey.describe('The municipality (AGS, 8 digits) it sits in.'),
  locality: text(100).optional().describe('The Ortslage, where the office plans by Ortslage.'),
  operatorId: actorId.describe('The organisation (Träger) that runs it, from the actors directory.'),
});

const places = z.strictObject({
  approved: count(10_000),
  overSevenHours: count(10_000).default(0).describe('Of them, places over seven hours a day.'),
  integration: count(10_000).default(0).describe('Of them, integration places.'),
});
export const CapacityChangeRequest = z.strictObject({
  effectiveFrom: requestDate.describe('The day the capacity holds from, e.g. 2027-08-01.'),
  places: z
    .strictObject({ krippe: places.optional(), kindergarten: places.optional(), hort: places.optional() })
    .default({})
    .describe('Approved places per age group (Kitas).'),
  streams: z.number().int().min(1).max(20).optional().describe('Parallel classes per year group, Züge (schools).'),
  classesPerYearGroup: z.array(z.number().int().min(0).max(20)).min(1).max(13).optional(),
  reason,
});
export const OccupancyRequest = z.strictObject({
  referenceDate: requestDate.describe('The reference date; § 21 NKiTaG counts on 1 October.'),
  occupied: z
    .strictObject({
      krippe: count(10_000).optional(),
      kindergarten: count(10_000).optional(),
      hort: count(10_000).optional(),
    })
    .refine((occupied) => Object.keys(occupied).length > 0, 'give the occupied places of at least one age group'),
});
export const ClosureRequest = z.strictObject({
  closedFrom: requestDate.describe('The first day it is closed.'),
  reason,
});
export const InstitutionListQuery = z.strictObject({
  q: search,
  regionKey: regionKey.optional(),
  type: z.enum(INSTITUTION_TYPES).optional(),
  operator: actorId.optional(),
  status: z.enum(['open', 'closed']).optional(),
  ...paging,
});

const offering = {
  title: text(200),
  kind: z.enum(OFFERING_KINDS),
  stage: z.enum(EDUCATION_STAGES),
  targetGroup: text(200),
  places: count(100_000).optional(),
  startsOn: requestDate,
  endsOn: requestDate.optional(),
  regionKey: regionKey.describe('The municipality, or the district for offerings across it.'),
};
export const RegisterOfferingRequest = z.strictObject({ ...offering, providerId: actorId });
export const ChangeOfferingRequest = z
  .strictObject({ ...z.object(offering).partial().shape, reason })
  .refine((body) => Object.keys(body).length > 1, 'change at least one field besides the reason');
export const OfferingListQuery = z.strictObject({
  q: search,
  regionKey: regionKey.optional(),
  kind: z.enum(OFFERING_KINDS).optional(),
  stage: z.enum(EDUCATION_STAGES).optional(),
  provider: actorId.optional(),
  status: z.enum(['running', 'ended']).optional(),
  ...paging,
});

const percent = (max: number) => z.number().min(0).max(max);
const perStage = (value: z.ZodType<number>) =>
  z.strictObject(
    Object.fromEntries(PLANNING_STAGES.map((stage) => [stage, value.optional()])) as Record<
      string,
      z.ZodOptional<z.ZodType<number>>
    >,
  );
const defaults = STATUS_QUO_ASSUMPTIONS;
export const AssumptionsRequest = z.strictObject({
  participation: perStage(percent(100))
    .default({})
    .describe('Participation rates in percent; absent = measured or default.'),
  birthsChangePercent: z.number().min(-50).max(100).default(defaults.birthsChangePercent),
  migrationPercent: z.number().min(-20).max(20).default(defaults.migrationPercent),
  bufferPercent: perStage(percent(50)).default({}),
  groupSize: z
    .strictObject({
      krippe: z.number().int().min(1).max(40).default(defaults.groupSize.krippe),
      kindergarten: z.number().int().min(1).max(40).default(defaults.groupSize.kindergarten),
      hort: z.number().int().min(1).max(40).default(defaults.groupSize.hort),
      grundschule: z.number().int().min(1).max(40).default(defaults.groupSize.grundschule),
    })
    .default(defaults.groupSize),
  schoolEntryShareBeforeCutoff: z.number().min(0).max(1).default(defaults.schoolEntryShareBeforeCutoff),
  buildingAreas: z
    .array(
      z.strictObject({ name: text(200), regionKey, children: z.number().int().min(1).max(10_000), fromYear: year }),
    )
    .max(50)
    .default([]),
  includePlannedMeasures: z
    .boolean()
    .default(false)
    .describe('Count planned measures as if approved, to see what they would do.'),
});
export const CreateScenarioRequest = z.strictObject({
  name: text(200),
  description: text(10_000).describe('The text for a committee paper: what the scenario assumes and why.'),
  assumptions: AssumptionsRequest.default(AssumptionsRequest.parse({})),
});
export const ReviseScenarioRequest = z
  .strictObject({
    name: text(200).optional(),
    description: text(10_000).optional(),
    assumptions: AssumptionsRequest.optional(),
    reason,
  })
  .refine((body) => Object.keys(body).length > 1, 'change the name, the description or the assumptions');
export const ScenarioListQuery = z.strictObject({ status: z.enum(['active', 'archived']).optional() });

const format = z.enum(['json', 'csv']).default('json');
export const CapacityPlanQuery = z.strictObject({
  scenario: scenarioId.default('status-quo'),
  version: queryWholeNumber(1, 100_000).optional().describe('A version of the scenario; the current one when absent.'),
  regionKey: regionKey.optional().describe('One municipality, or the district for its totals.'),
  stage: z.enum(PLANNING_STAGES).optional(),
  fromYear: queryYear.optional().describe('The first Kita year planned; the coming one when absent.'),
  format,
});
const scenarioRef = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*(@\d{1,6})?$/, 'must be a scenario id, optionally with @version');
export const ComparisonQuery = z.strictObject({
  scenarios: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(scenarioRef).min(2, 'name at least two scenarios, separated by commas').max(6))
    .describe('Scenario ids separated by commas, each optionally with @version; the first is the base.'),
  regionKey: regionKey.optional(),
  stage: z.enum(PLANNING_STAGES).optional(),
  fromYear: queryYear.optional(),
  format,
});
export const NkitagQuery = z.strictObject({
  year: queryYear.optional().describe('The year whose 1 October is the reference date; the latest passed when absent.'),
  format: z.enum(['json', 'csv']).default('csv'),
});
export const RecordPlanRunRequest = z.strictObject({
  purpose: text(500).describe('What the figures are for, e.g. the committee meeting.'),
  scenarios: z
    .array(z.strictObject({ scenarioId, version: z.number().int().min(1).optional() }))
    .min(1)
    .max(4),
  fromYear: year.optional(),
});
export const PlanRunListQuery = z.strictObject({ ...paging });
export const PlanRunQuery = z.strictObject({ format });
