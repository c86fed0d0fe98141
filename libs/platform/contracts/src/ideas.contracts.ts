import { z } from 'zod';
import { contract, EDUCATION_STAGES, id, regionKey, text } from './shared-schemas';
import { Topics } from './topics';

/** What ideas publishes on bildung.ideas.v1. Comments and endorsements stay inside the service. */
export const IdeaSubmitted = contract(
  Topics.ideas,
  'bildung.ideas.idea-submitted.v1',
  z.strictObject({
    ideaId: id,
    title: text,
    stages: z.array(z.enum(EDUCATION_STAGES)).min(1),
    regionKeys: z.array(regionKey),
    tags: z.array(text),
    submitter: z.strictObject({ id, kind: z.enum(['actor', 'coordinator']) }),
    /** The call for ideas it answers, when it answers one. */
    callId: id.optional(),
  }),
);

export const IdeaRevised = contract(
  Topics.ideas,
  'bildung.ideas.idea-revised.v1',
  z.strictObject({
    ideaId: id,
    /** The new value of each field the revision changed. */
    changes: z
      .strictObject({
        title: text.optional(),
        description: z.string().trim().min(1).max(10_000).optional(),
        stages: z.array(z.enum(EDUCATION_STAGES)).min(1).optional(),
        regionKeys: z.array(regionKey).optional(),
        tags: z.array(text).optional(),
      })
      .refine((changes) => Object.keys(changes).length > 0, 'a revision changes at least one field'),
  }),
);

export const IdeaWithdrawn = contract(
  Topics.ideas,
  'bildung.ideas.idea-withdrawn.v1',
  z.strictObject({
    ideaId: id,
    reason: z.enum(['duplicate', 'under-way', 'not-feasible', 'done', 'other']),
    /** The idea it was withdrawn in favour of, when it duplicates one. */
    duplicateOf: id.optional(),
  }),
);
