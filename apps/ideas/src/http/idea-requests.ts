import { regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { EDUCATION_STAGES, IDEA_STATUSES, WITHDRAWAL_REASONS } from '../domain/idea';

/** Request shapes. Unknown fields are refused, so a typo never silently drops data. */

const text = requestText;
export const ideaId = z.uuid('must be an idea id (UUID)');
export const commentId = z.uuid('must be a comment id (UUID)');
export const actorId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'must be an actor id of letters, digits and . _ : - (at most 100)');

const title = text(200);
const description = text(10_000);
const stages = z.array(z.enum(EDUCATION_STAGES)).min(1, 'name at least one Bildungsbereich').max(6);
const regionKeys = z.array(regionKey).max(40).describe('AGS keys of the Landkreis or its municipalities.');
const tags = z.array(text(50)).max(20);

export const SubmitIdeaRequest = z.strictObject({
  title,
  description,
  stages,
  regionKeys: regionKeys.default([]),
  tags: tags.default([]),
  onBehalfOf: actorId
    .optional()
    .describe('The actor organisation a coordinator submits the idea for; actors always submit for themselves.'),
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
