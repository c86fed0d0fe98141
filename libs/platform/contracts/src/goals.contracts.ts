import { z } from 'zod';
import {
  assessment,
  contract,
  EDUCATION_STAGES,
  finite,
  id,
  indicatorKey,
  isoDate,
  regionKey,
  text,
} from './shared-schemas';
import { Topics } from './topics';

/** What goals publishes on bildung.goals.v1. */
export const GoalAgreed = contract(
  Topics.goals,
  'bildung.goals.goal-agreed.v1',
  z.strictObject({
    goalId: id,
    title: text,
    stage: z.enum(EDUCATION_STAGES),
    regionKeys: z.array(regionKey).min(1),
    indicator: z.strictObject({ key: indicatorKey, regionKey }).optional(),
    authority: text,
    effectiveAt: isoDate,
  }),
);

export const ProgressRecorded = contract(
  Topics.goals,
  'bildung.goals.progress-recorded.v1',
  z.strictObject({
    goalId: id,
    progressId: id,
    value: finite,
    asOf: isoDate,
    source: z.enum(['manual', 'monitoring']),
    /** The monitoring measurement that reported the value, when the source is monitoring. */
    measurementId: id.optional(),
  }),
);

export const ProgressCorrected = contract(
  Topics.goals,
  'bildung.goals.progress-corrected.v1',
  z.strictObject({
    goalId: id,
    progressId: id,
    value: finite,
    previousValue: finite,
    measurementId: id.optional(),
  }),
);

export const AssessmentChanged = contract(
  Topics.goals,
  'bildung.goals.assessment-changed.v1',
  z.strictObject({
    goalId: id,
    from: assessment.nullable(),
    to: assessment,
    asOf: isoDate,
  }),
);

/** A goal was drafted; `origin` names the idea it was promoted from, when it was. */
export const GoalDrafted = contract(
  Topics.goals,
  'bildung.goals.goal-drafted.v1',
  z.strictObject({
    goalId: id,
    title: text,
    stage: z.enum(EDUCATION_STAGES),
    regionKeys: z.array(regionKey),
    origin: z.strictObject({ ideaId: id, promotionId: id }).optional(),
  }),
);
