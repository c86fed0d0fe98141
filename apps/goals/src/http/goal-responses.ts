import {
  ActorNamesResult,
  CommandResult,
  CommandWarningsResult,
  HistoryEntryResult,
  IntegrityResult,
  pageOf,
} from '@bildungsregion/http';
import { z } from 'zod';
import { MEASURE_PROGRESS } from '../domain/linked-measure';
import { ASSESSMENTS, EDUCATION_STAGES, GOAL_STATUSES } from '../domain/goal';

/** What the goal routes answer, for the OpenAPI document; fields beyond these may be added later. */

const date = z.string().describe('YYYY-MM-DD');
const timestamp = z.string().describe('ISO 8601 timestamp');
const who = z.object({ id: z.string(), role: z.string() });
const status = z.enum(GOAL_STATUSES);
const assessment = z.enum(ASSESSMENTS).nullable();
const valueOn = (dateField: string) => z.object({ value: z.number(), [dateField]: date });

const terms = z.looseObject({
  title: z.string(),
  description: z.string(),
  stage: z.enum(EDUCATION_STAGES),
  regionKeys: z.array(z.string()),
  parties: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(['responsible', 'contributing']) })),
  indicator: z.object({ key: z.string(), regionKey: z.string() }).optional(),
  baseline: valueOn('date'),
  target: valueOn('dueDate'),
  milestones: z.array(valueOn('date')),
  unit: z.string(),
  direction: z.enum(['higher', 'lower']),
});

const progressRecord = z.looseObject({
  progressId: z.string(),
  value: z.number(),
  asOf: date,
  source: z.enum(['manual', 'monitoring']),
  note: z.string().optional(),
});

const trajectory = z
  .object({
    points: z.array(z.object({ date, value: z.number(), kind: z.enum(['baseline', 'milestone', 'target']) })),
    direction: z.enum(['higher', 'lower']),
    onTrackMargin: z.number().describe('How far behind the planned line a value is still on track, in the unit.'),
    atRiskMargin: z.number().describe('How far behind it a value is at risk; beyond, off track.'),
  })
  .describe('The planned line (straight from point to point) with its margins.');

export const ProgressPageResult = pageOf(progressRecord).describe('Progress records, the latest date first.');

export const GoalResult = z.object({
  goalId: z.string(),
  revision: z.int().min(0),
  progressSummary: z
    .object({
      count: z.int().min(0).describe('How many progress records the goal has.'),
      carried: z.int().min(0).describe('How many of the newest of them goal.progress carries.'),
      latest: progressRecord.optional().describe('The value for the latest date.'),
    })
    .describe(
      "All of the goal's progress, of which goal.progress carries the newest 100; read the rest from /goals/{id}/progress.",
    ),
  integrity: IntegrityResult,
  trajectory: trajectory.optional(),
  actors: ActorNamesResult,
  goal: z.looseObject({
    status: z.union([status, z.literal('none')]),
    terms: terms.optional(),
    incompleteTerms: terms.partial().optional().describe('The terms of a draft from an idea that still lacks some.'),
    origin: z.object({ ideaId: z.string(), promotionId: z.string() }).optional().describe('The idea it came from.'),
    synthetic: z.boolean(),
    consents: z.array(z.string()),
    agreement: z.object({ authority: z.string(), effectiveOn: date }).optional(),
    progress: z.array(progressRecord).describe('The newest 100 progress records, in the order they were recorded.'),
    assessment,
  }),
});

export const GoalSummaryResult = z.looseObject({
  id: z.string(),
  title: z.string(),
  status,
  stage: z.enum(EDUCATION_STAGES),
  regionKeys: z.array(z.string()),
  partyIds: z.array(z.string()),
  indicatorKey: z.string().nullable(),
  assessment,
  dueDate: date.nullable(),
  missingTerms: z.array(z.string()),
  originIdeaId: z.string().nullable(),
  latestProgress: z.object({ progressId: z.string(), value: z.number(), asOf: date }).nullable(),
  synthetic: z.boolean(),
  revision: z.int().min(0),
  draftedAt: timestamp,
  updatedAt: timestamp,
});

export const GoalPageResult = pageOf(GoalSummaryResult);

const counts = z.record(z.string(), z.int().min(0));
export const DashboardResult = z.object({
  total: z.int().min(0),
  byStatus: counts,
  byAssessment: counts,
  byStage: counts,
});

const recording = z.looseObject({
  eventId: z.string(),
  revision: z.int().min(0),
  recordedAt: timestamp,
  actor: who,
  correlationId: z.string(),
  causationId: z.string().optional(),
});

export const ProgressTraceResult = z.object({
  goalId: z.string(),
  progressId: z.string(),
  value: z.number(),
  asOf: date,
  source: z.enum(['manual', 'monitoring']),
  recorded: recording,
  cause: z.looseObject({ kind: z.enum(['manual-entry', 'monitoring-measurement']) }),
  corrections: z.array(recording.extend({ value: z.number(), previousValue: z.number() })),
});

export const GoalDiffResult = z.object({
  goalId: z.string(),
  from: z.int().min(0),
  to: z.int().min(0),
  changes: z.array(
    z.object({
      path: z.string(),
      kind: z.enum(['added', 'removed', 'changed']),
      before: z.unknown().optional(),
      after: z.unknown().optional(),
    }),
  ),
  events: z.array(HistoryEntryResult),
});

export const GoalCommandResult = CommandResult.extend({
  goalId: z.string(),
  warnings: CommandWarningsResult.optional(),
});
export const ProgressResult = GoalCommandResult.extend({ progressId: z.string() });

export const LinkedMeasureListResult = z.object({
  items: z.array(
    z.looseObject({
      id: z.string().describe('The measure id in planning'),
      title: z.string(),
      regionKey: z.string(),
      goalIds: z.array(z.string()),
      status: z.enum(MEASURE_PROGRESS),
      updatedAt: z.string(),
    }),
  ),
});
