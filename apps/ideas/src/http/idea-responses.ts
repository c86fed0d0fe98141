import { ActorNamesResult, CommandResult, CommandWarningsResult, IntegrityResult, pageOf } from '@bildungsregion/http';
import { z } from 'zod';
import { CALL_STATUSES } from '../domain/call';
import {
  DECISION_OUTCOMES,
  EDUCATION_STAGES,
  IDEA_STATUSES,
  PROMOTION_TARGETS,
  WITHDRAWAL_REASONS,
} from '../domain/idea';

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
  actors: ActorNamesResult,
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
    coAuthors: z.array(z.object({ id: z.string(), kind: z.enum(['actor', 'coordinator']) })),
    bundle: z.object({ sourceIds: z.array(z.string()), reason: z.string() }).optional(),
    bundledInto: z.string().optional(),
    splitFrom: z.object({ ideaId: z.string(), carries: z.string() }).optional(),
    splitInto: z.array(z.object({ ideaId: z.string(), carries: z.string() })).optional(),
    evaluation: z
      .looseObject({
        criteria: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number() })),
        evaluators: z.array(z.object({ id: z.string(), kind: z.enum(['actor', 'coordinator']) })),
        evaluations: z.array(z.looseObject({ evaluatorId: z.string() })),
      })
      .nullable()
      .describe('Actors see only their own evaluation; coordinators and auditors see every one.'),
    decision: z.object({ outcome: z.enum(DECISION_OUTCOMES), authority: z.string(), reason: z.string() }).nullable(),
    promotions: z.array(
      z.object({ promotionId: z.string(), target: z.enum(PROMOTION_TARGETS), resultId: z.string().optional() }),
    ),
  }),
  evaluationSummary: z
    .object({
      assigned: z.int().min(0),
      submitted: z.int().min(0),
      weightedMean: z.number().nullable(),
      spread: z.object({ lowest: z.number(), highest: z.number() }).nullable(),
    })
    .nullable()
    .describe('Progress ("2 von 4 Bewertungen"), the weighted mean and the spread of the weighted scores.'),
  endorsementTotal: z.int().min(0).describe("The idea's own endorsements plus, for a bundle, those its sources keep."),
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
  endorsementTotal: z.int().min(0),
  callId: z.string().nullable(),
  sourceIds: z.array(z.string()),
  bundledInto: z.string().nullable(),
  evaluation: z.object({
    state: z.enum(['none', 'pending', 'complete']),
    assigned: z.int().min(0),
    submitted: z.int().min(0),
    weightedMean: z.number().nullable(),
  }),
  decision: z.enum(DECISION_OUTCOMES).nullable(),
  revision: z.int().min(0),
  submittedAt: timestamp,
  updatedAt: timestamp,
});

export const IdeaPageResult = pageOf(IdeaSummaryResult).extend({ actors: ActorNamesResult });

export const IdeaCommandResult = CommandResult.extend({ ideaId: z.string() });
export const SubmissionResult = IdeaCommandResult.extend({
  warnings: CommandWarningsResult,
  similar: z.array(SimilarIdeaResult).describe('Open ideas that read like this one, best first.'),
});
export const CommentResult = IdeaCommandResult.extend({ commentId: z.string() });
export const SplitResult = IdeaCommandResult.extend({ partIds: z.array(z.string()).describe('The new ideas.') });
export const PromotionResult = IdeaCommandResult.extend({ promotionId: z.string() });

export const LineageResult = z.object({
  ideaId: z.string(),
  nodes: z.array(z.object({ ideaId: z.string(), title: z.string(), status: z.enum(IDEA_STATUSES) })),
  edges: z.array(
    z.object({
      from: z.string(),
      to: z.string(),
      kind: z.enum(['merged', 'split']),
      carries: z.string().optional(),
      undone: z.boolean().optional(),
    }),
  ),
});

const criterion = z.object({ key: z.string(), label: z.string(), weight: z.number() });
export const CriteriaResult = z.object({
  scale: z.object({ min: z.int(), max: z.int() }),
  criteria: z.array(criterion),
});

const callCause = z
  .looseObject({ kind: z.enum(['threshold-breach', 'goal-assessment']), eventId: z.string() })
  .nullable()
  .describe('What made the system draft the call: a threshold breach in monitoring or a goal at risk.');

export const CallSummaryResult = z.looseObject({
  id: z.string(),
  theme: z.string(),
  description: z.string(),
  stages: z.array(z.enum(EDUCATION_STAGES)),
  regionKeys: z.array(z.string()),
  targetGroups: z.array(z.string()),
  status: z.enum(CALL_STATUSES),
  cause: callCause,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  revision: z.int().min(0),
  draftedAt: timestamp,
  updatedAt: timestamp,
});
export const CallPageResult = pageOf(CallSummaryResult);

export const CallResult = z.object({
  callId: z.string(),
  revision: z.int().min(0),
  integrity: IntegrityResult,
  call: z.looseObject({
    status: z.enum(CALL_STATUSES),
    terms: z.looseObject({ theme: z.string(), criteria: z.array(criterion) }),
    cause: callCause,
    period: z.object({ opensOn: z.string(), closesOn: z.string() }).nullable(),
  }),
  ideaCount: z.int().min(0).describe('Ideas submitted to the call.'),
});
export const CallCommandResult = CommandResult.extend({ callId: z.string() });
