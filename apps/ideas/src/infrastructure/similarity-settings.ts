import { z } from 'zod';
import { SimilarityThresholds } from '../application/similarity/similarity-index';
import { DEFAULT_SIMILARITY_THRESHOLDS } from '../application/similarity/thresholds';

const score = z.coerce.number().min(0.01, 'must be at least 0.01').max(1, 'must be at most 1');

/** `IDEAS_SIMILAR_THRESHOLD` ("ähnlich") and `IDEAS_DUPLICATE_THRESHOLD` ("wahrscheinlich doppelt"), scores from 0 to 1. */
export function similarityThresholdsFrom(env: NodeJS.ProcessEnv = process.env): SimilarityThresholds {
  const parsed = z
    .object({
      IDEAS_SIMILAR_THRESHOLD: score.default(DEFAULT_SIMILARITY_THRESHOLDS.similar),
      IDEAS_DUPLICATE_THRESHOLD: score.default(DEFAULT_SIMILARITY_THRESHOLDS.likelyDuplicate),
    })
    .refine((settings) => settings.IDEAS_SIMILAR_THRESHOLD <= settings.IDEAS_DUPLICATE_THRESHOLD, {
      message: 'IDEAS_SIMILAR_THRESHOLD must not be above IDEAS_DUPLICATE_THRESHOLD',
    })
    .safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (!parsed.success)
    throw new Error(
      `Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'thresholds'}: ${issue.message}`).join('; ')}`,
    );
  return { similar: parsed.data.IDEAS_SIMILAR_THRESHOLD, likelyDuplicate: parsed.data.IDEAS_DUPLICATE_THRESHOLD };
}
