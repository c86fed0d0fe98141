import { SimilarityThresholds } from './similarity-index';

/** Tuned on the labelled corpus; `IDEAS_SIMILAR_THRESHOLD` and `IDEAS_DUPLICATE_THRESHOLD` override them. */
export const DEFAULT_SIMILARITY_THRESHOLDS: SimilarityThresholds = { similar: 0.18, likelyDuplicate: 0.32 };
