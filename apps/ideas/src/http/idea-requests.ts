import { regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { CALL_STATUSES } from '../domain/call';
import { SCORE_MAX, SCORE_MIN } from '../domain/evaluation';
import {
  DECISION_OUTCOMES,
  EDUCATION_STAGES,
  IDEA_STATUSES,
  PROMOTION_TARGETS,
  WITHDRAWAL_REASONS,
} from '../domain/idea';

/** Request shapes. Unknown fields are refused, so a typo never silently drops data. */

const text = requestText;
export const ideaId = z.uuid('must be an idea id (UUID)');
export const commentId = z.uuid('must be a comment id (UUID)');
export const callId = z.uuid('must be a call id (UUID)');
export const actorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be an actor id of letters, digits and . _ : - (at most 100)');

const title = text(200);
const description = text(10_000);
const stages = z.array(z.enum(EDUCATION_STAGES)).min(1, 'name at least one Bildungsbereich').max(6);
const regionKeys = z.array(regionKey).max(40).describe('AGS keys of the Landkreis or its municipalities.');
const tags = z.array(text(50)).max(20);
const reason = text(2_000).describe('Why, in a sentence; kept in the history.');
const ideaContent = {
  title,
  description,
  stages,
  regionKeys: regionKeys.default([]),
  tags: tags.default([]),
};

export const SubmitIdeaRequest = z.strictObject({
  ...ideaContent,
  onBehalfOf: actorId
    .optional()
    .describe('The actor organisation a coordinator submits the idea for; actors always submit for themselves.'),
  callId: callId.optional().describe('The open call for ideas the idea answers.'),
});

export const BundleRequest = z.strictObject({
  ...ideaContent,
  sourceIds: z.array(ideaId).min(2, 'name at least two ideas to merge').max(20).describe('The ideas to merge.'),
  reason,
});

export const UndoBundleRequest = z.strictObject({ reason });

export const SplitRequest = z.strictObject({
  reason,
  parts: z
    .array(z.strictObject({ ...ideaContent, carries: text(500).describe('Which part of the idea this one carries.') }))
    .min(2, 'a split gives at least two ideas')
    .max(10),
});

const evaluator = z.strictObject({ id: actorId, kind: z.enum(['actor', 'coordinator']) });

export const EvaluatorsRequest = z.strictObject({
  evaluators: z.array(evaluator).min(1, 'name at least one evaluator').max(20),
});

export const EvaluationRequest = z.strictObject({
  scores: z
    .array(
      z.strictObject({
        criterionKey: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a criterion key'),
        score: z.int(`must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}`).min(SCORE_MIN).max(SCORE_MAX),
        justification: text(2_000).describe('Why this score; required for every criterion.'),
      }),
    )
    .min(1)
    .max(20),
});

export const DecisionRequest = z.strictObject({
  outcome: z.enum(DECISION_OUTCOMES),
  authority: text(500).describe('Who decided, e.g. "Steuergruppe Bildungsregion, Sitzung 2026/4".'),
  reason: z.string().trim().max(2_000).default('').describe('Required when the idea is rejected.'),
});

export const PromotionRequest = z.strictObject({
  target: z.enum(PROMOTION_TARGETS).describe('goal: goals drafts a goal; measure: planning drafts a measure.'),
});

const criterion = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a key of lower-case letters, digits and dashes'),
  label: text(100),
  weight: z.number().positive('must be above zero').max(100),
});
const callTerms = {
  theme: text(200),
  description: text(5_000),
  stages: z.array(z.enum(EDUCATION_STAGES)).max(6),
  regionKeys,
  targetGroups: z.array(text(100)).max(20),
  criteria: z.array(criterion).max(20).describe("The call's own criteria; empty for the office's catalogue."),
  evaluatorPool: z.array(evaluator).max(50),
};

export const DraftCallRequest = z.strictObject({
  ...callTerms,
  stages: callTerms.stages.default([]),
  regionKeys: regionKeys.default([]),
  targetGroups: callTerms.targetGroups.default([]),
  criteria: callTerms.criteria.default([]),
  evaluatorPool: callTerms.evaluatorPool.default([]),
});

export const ReviseCallRequest = z
  .strictObject(
    Object.fromEntries(Object.entries(callTerms).map(([key, schema]) => [key, schema.optional()])) as {
      [Key in keyof typeof callTerms]: z.ZodOptional<(typeof callTerms)[Key]>;
    },
  )
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'name at least one term to change',
  });

export const OpeningRequest = z.strictObject({
  opensOn: z.iso.date('must be a date (2026-12-01)').optional().describe('Today when left out.'),
  closesOn: z.iso.date('must be a date (2027-01-31)'),
});

export const ClosingRequest = z.strictObject({});

export const CallListQuery = z.strictObject({
  status: z.enum(CALL_STATUSES).optional(),
  origin: z.enum(['system', 'office']).optional().describe('system: drafted on a cause from monitoring or goals.'),
  offset: queryWholeNumber(0, 1_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
});

export const ReviseIdeaRequest = z
  .strictObject({
    title: title.optional(),
    description: description.optional(),
    stages: stages.optional(),
    regionKeys: regionKeys.optional(),
    tags: tags.optional(),
  })
  .refine((changes) => Object.values(changes).some((value) => value !== undefined), {
    message: 'name at least one of title, description, stages, regionKeys, tags',
  });

export const WithdrawIdeaRequest = z.strictObject({
  reason: z.enum(WITHDRAWAL_REASONS).describe('duplicate names the other idea in duplicateOf.'),
  explanation: text(2_000).describe('Why, in a sentence; kept in the history.'),
  duplicateOf: ideaId.optional().describe('The idea this one duplicates; required when the reason is duplicate.'),
});

export const CommentRequest = z.strictObject({
  text: text(5_000),
  replyTo: commentId.optional().describe('The comment this one answers; replies go one level deep.'),
});

export const CommentEditRequest = z.strictObject({ text: text(5_000) });

export const EndorsementRequest = z.strictObject({
  actorId: actorId
    .optional()
    .describe('The endorsing organisation; an actor endorses for itself and may leave it out.'),
});

export const IdeaListQuery = z.strictObject({
  text: z.string().trim().max(200).optional().describe('Words the idea contains; German word forms match.'),
  status: z.enum(IDEA_STATUSES).optional(),
  stage: z.enum(EDUCATION_STAGES).optional(),
  region: regionKey.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  submitter: actorId.optional(),
  callId: callId.optional(),
  evaluation: z.enum(['none', 'pending', 'complete']).optional().describe('Evaluated (complete) or not yet.'),
  evaluator: actorId.optional().describe('Ideas this evaluator is assigned to.'),
  decision: z.enum([...DECISION_OUTCOMES, 'undecided']).optional(),
  offset: queryWholeNumber(0, 1_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
});

/** The start of a description is enough to find its likes, and keeps the address within what servers accept. */
export const SIMILAR_DESCRIPTION_MAX = 1_000;

export const SimilarQuery = z.strictObject({
  title: z.string().max(200).default(''),
  description: z
    .string()
    .max(SIMILAR_DESCRIPTION_MAX)
    .default('')
    .describe('The start of the description; a form sends at most the first 1000 characters.'),
  excluding: ideaId.optional().describe('The idea being edited, which must not match itself.'),
  limit: queryWholeNumber(1, 50).default(10),
});

export const DuplicatesQuery = z.strictObject({
  level: z.enum(['similar', 'likely-duplicate']).default('likely-duplicate'),
  offset: queryWholeNumber(0, 1_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
});
