import { indicatorKey, regionKey } from '@bildungsregion/contracts';
import { pastOrToday, queryWholeNumber, requestDate, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { ASSESSMENTS, EDUCATION_STAGES, GOAL_STATUSES } from '../domain/goal';

/** Request shapes. Unknown fields are refused, so a typo never silently drops data. */

const text = requestText;
const date = requestDate;
const value = z.number('must be a number');
const reason = text(2_000).describe('Why; kept in the audit trail.');
const authority = text(500).describe(
  'The decision that authorises the change, e.g. "Kreisausschuss, Beschluss 2026/041".',
);
const effectiveOn = date.describe('When the change took effect; defaults to when it is recorded.');
const actorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be an actor id of letters, digits and . _ : - (at most 100)');

const party = z.strictObject({ id: actorId, name: text(200), role: z.enum(['responsible', 'contributing']) });
const milestone = z.strictObject({ date, value });
const target = z.strictObject({ value, dueDate: date });
const indicator = z.strictObject({ key: indicatorKey, regionKey });
const regionKeys = z.array(regionKey).min(1, 'name at least one region').max(40);
const parties = z.array(party).min(1, 'name at least one party').max(50);
const milestones = z.array(milestone).max(50);

export const goalId = z.uuid('must be a goal id (UUID)');
export const progressId = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'must be a progress id');

export const DraftGoalRequest = z.strictObject({
  title: text(200),
  description: text(5_000),
  stage: z.enum(EDUCATION_STAGES),
  regionKeys,
  parties,
  indicator: indicator.optional(),
  baseline: z.strictObject({ value, date }),
  target,
  milestones: milestones.default([]),
  unit: text(30),
  direction: z.enum(['higher', 'lower']).describe('Whether higher or lower values are better.'),
});

export const DraftAmendmentRequest = z.strictObject({
  changes: z
    .strictObject({
      title: text(200).optional(),
      description: text(5_000).optional(),
      stage: z.enum(EDUCATION_STAGES).optional(),
      regionKeys: regionKeys.optional(),
      parties: parties.optional(),
      indicator: indicator.optional(),
      baseline: z.strictObject({ value, date }).optional(),
      target: target.optional(),
      milestones: milestones.optional(),
      unit: text(30).optional(),
      direction: z.enum(['higher', 'lower']).optional(),
    })
    .refine((changes) => Object.keys(changes).length > 0, 'name at least one term to change'),
});

export const ProposalRequest = z.strictObject({});

export const ConsentRequest = z.strictObject({
  partyId: actorId.optional().describe('The consenting party; an actor consents for itself and may leave it out.'),
});

export const AgreementRequest = z.strictObject({
  authority,
  effectiveOn: date.describe('When the decision took effect.'),
});

export const RevisionRequest = z.strictObject({
  reason,
  authority: authority.optional(),
  effectiveOn: effectiveOn.optional(),
  changes: z
    .strictObject({
      title: text(200).optional(),
      description: text(5_000).optional(),
      regionKeys: regionKeys.optional(),
      parties: parties.optional(),
      indicator: indicator.optional(),
      target: target.optional(),
      milestones: milestones.optional(),
    })
    .refine((changes) => Object.keys(changes).length > 0, 'name at least one term to change'),
});

export const MilestoneRequest = z.strictObject({ date, value });

export const ProgressRequest = z.strictObject({
  value,
  asOf: pastOrToday.describe('The date the value describes; today or earlier.'),
  note: text(2_000).optional(),
});

export const CorrectionRequest = z.strictObject({ value, reason });

export const SuspensionRequest = z.strictObject({
  reason,
  authority: authority.optional(),
  effectiveOn: effectiveOn.optional(),
});

export const ResumptionRequest = z.strictObject({
  reason: reason.optional(),
  authority: authority.optional(),
  effectiveOn: effectiveOn.optional(),
});

export const ClosureRequest = z.strictObject({
  outcome: z.enum(['achieved', 'missed']),
  reason,
  authority: authority.optional(),
  effectiveOn: effectiveOn.optional(),
});

export const CancellationRequest = z.strictObject({
  reason,
  authority: authority.optional(),
  effectiveOn: effectiveOn.optional(),
});

const pageOffset = queryWholeNumber(0, 1_000_000).default(0);
const timestamp = z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  'must be a date (2026-03-01) or a timestamp (2026-03-01T12:00:00Z)',
);

export const SORTABLE = ['title', 'dueDate', 'updatedAt', 'draftedAt', 'status'] as const;
const sort = z
  .enum([...SORTABLE, ...SORTABLE.map((field) => `-${field}` as const)])
  .default('-updatedAt')
  .describe('Field to sort by; a leading "-" sorts descending.');

export const GoalListQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .describe('Words the title contains (all of them, any case).'),
  status: z.enum(GOAL_STATUSES).optional(),
  stage: z.enum(EDUCATION_STAGES).optional(),
  region: regionKey.optional(),
  party: actorId.optional(),
  indicator: indicatorKey.optional(),
  assessment: z.enum(ASSESSMENTS).optional(),
  synthetic: z.enum(['true', 'false']).optional().describe('Only sample goals (true) or only real ones (false).'),
  sort,
  offset: pageOffset,
  limit: queryWholeNumber(1, 200).default(50),
});

export const DashboardQuery = z.strictObject({
  region: regionKey.optional(),
  stage: z.enum(EDUCATION_STAGES).optional(),
});

export const GoalAsOfQuery = z.strictObject({
  recordedAsOf: timestamp.optional().describe('The goal as the system knew it at this time.'),
  effectiveAsOf: timestamp
    .optional()
    .describe('The goal as in effect at this time, as known now (or by recordedAsOf).'),
});

export const ProgressPageQuery = GoalAsOfQuery.extend({
  offset: pageOffset,
  limit: queryWholeNumber(1, 1_000).default(100),
});

export const DiffQuery = z.strictObject({
  from: z.coerce.number('must be a revision number').int().min(0),
  to: z.coerce.number('must be a revision number').int().min(0),
});
