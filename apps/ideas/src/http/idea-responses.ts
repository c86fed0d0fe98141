import { CommandResult, IntegrityResult, pageOf } from '@bildungsregion/http';
import { z } from 'zod';
import { EDUCATION_STAGES, IDEA_STATUSES, WITHDRAWAL_REASONS } from '../domain/idea';

/** What the idea routes answer, for the OpenAPI document; fields beyond these may be added later. */

const timestamp = z.string().describe('ISO 8601 timestamp');
const level = z.enum(['similar', 'likely-duplicate']);

export const SimilarIdeaResult = z.object({
  ideaId: z.string(),
  title: z.string(),
  score: z.number().min(0).max(1),
  level: level.nullable(),
  bm25: z.number().describe('BM25 of the idea for the text, as a share of the text against itself.'),
  titleTrigrams: z.number().describe('Trigram similarity of the titles (pg_trgm).'),
  descriptionTrigrams: z.number().describe('Trigram similarity of the descriptions (pg_trgm).'),
  matchedTerms: z.array(z.string()).describe('The words of either text whose stems matched.'),
});

export const Thresholds = z.object({ similar: z.number(), likelyDuplicate: z.number() });

export const SimilarIdeasResult = z.object({ thresholds: Thresholds, items: z.array(SimilarIdeaResult) });

export const DuplicatePairResult = z.object({
  ideas: z.array(z.object({ ideaId: z.string(), title: z.string() })).length(2),
  score: z.number(),
  level,
  matchedTerms: z.array(z.string()),
});

export const DuplicatesResult = pageOf(DuplicatePairResult).extend({ thresholds: Thresholds });

const content = {
  title: z.string(),
  description: z.string(),
  stages: z.array(z.enum(EDUCATION_STAGES)),
  regionKeys: z.array(z.string()),
  tags: z.array(z.string()),
};

export const IdeaResult = z.object({
  ideaId: z.string(),
  revision: z.int().min(0),
  integrity: IntegrityResult,
  idea: z.looseObject({
    status: z.enum(IDEA_STATUSES),
    content: z.looseObject(content),
    submitter: z.object({ id: z.string(), kind: z.enum(['actor', 'coordinator']) }),
    revisions: z.int().min(0),
    withdrawal: z
      .object({ reason: z.enum(WITHDRAWAL_REASONS), explanation: z.string(), duplicateOf: z.string().optional() })
      .nullable(),
    comments: z.array(
      z.object({
        commentId: z.string(),
        authorId: z.string(),
        text: z.string(),
        postedAt: timestamp,
        replyTo: z.string().optional(),
        editedAt: timestamp.optional(),
      }),
    ),
    endorsements: z.array(z.string()),
  }),
});

export const IdeaSummaryResult = z.looseObject({
  id: z.string(),
  ...content,
  status: z.enum(IDEA_STATUSES),
  submitterId: z.string(),
  submitterKind: z.enum(['actor', 'coordinator']),
  withdrawal: z.object({ reason: z.enum(WITHDRAWAL_REASONS), duplicateOf: z.string().nullable() }).nullable(),
  revisions: z.int().min(0),
  commentCount: z.int().min(0),
  endorsementCount: z.int().min(0),
  revision: z.int().min(0),
  submittedAt: timestamp,
  updatedAt: timestamp,
});

export const IdeaPageResult = pageOf(IdeaSummaryResult);

export const IdeaCommandResult = CommandResult.extend({ ideaId: z.string() });
export const SubmissionResult = IdeaCommandResult.extend({
  similar: z.array(SimilarIdeaResult).describe('Open ideas that read like this one, best first.'),
});
export const CommentResult = IdeaCommandResult.extend({ commentId: z.string() });
