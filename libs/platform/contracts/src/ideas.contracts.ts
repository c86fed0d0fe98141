import { z } from 'zod';
import { contract, EDUCATION_STAGES, id, isoDate, regionKey, text } from './shared-schemas';
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

const ideaOutline = {
  title: text,
  stages: z.array(z.enum(EDUCATION_STAGES)).min(1),
  regionKeys: z.array(regionKey),
};

/** A bundle is itself an idea: it merges its sources, which stay readable as "gebündelt". */
export const BundleFormed = contract(
  Topics.ideas,
  'bildung.ideas.bundle-formed.v1',
  z.strictObject({ bundleId: id, ...ideaOutline, sourceIds: z.array(id).min(2) }),
);

export const BundleUndone = contract(
  Topics.ideas,
  'bildung.ideas.bundle-undone.v1',
  z.strictObject({ bundleId: id, sourceIds: z.array(id).min(2) }),
);

/** The parts are published as submitted ideas of their own; this names which part each carries. */
export const IdeaSplit = contract(
  Topics.ideas,
  'bildung.ideas.idea-split.v1',
  z.strictObject({ ideaId: id, parts: z.array(z.strictObject({ ideaId: id, carries: text })).min(2) }),
);

export const IdeaDecided = contract(
  Topics.ideas,
  'bildung.ideas.idea-decided.v1',
  z.strictObject({ ideaId: id, outcome: z.enum(['accepted', 'rejected', 'parked']), authority: text }),
);

/** An accepted idea handed to goals (which drafts a goal) or planning (which drafts a measure). */
export const IdeaPromoted = contract(
  Topics.ideas,
  'bildung.ideas.idea-promoted.v1',
  z.strictObject({
    ideaId: id,
    promotionId: id,
    target: z.enum(['goal', 'measure']),
    ...ideaOutline,
    description: z.string().trim().min(1).max(10_000),
  }),
);

export const CallOpened = contract(
  Topics.ideas,
  'bildung.ideas.call-opened.v1',
  z.strictObject({
    callId: id,
    theme: text,
    stages: z.array(z.enum(EDUCATION_STAGES)).min(1),
    regionKeys: z.array(regionKey),
    opensOn: isoDate,
    closesOn: isoDate,
  }),
);

export const CallClosed = contract(
  Topics.ideas,
  'bildung.ideas.call-closed.v1',
  z.strictObject({ callId: id, closedOn: isoDate, early: z.boolean() }),
);
