/** One thing an idea is scored on, from 1 (poor) to 5 (excellent); its weight says how much it counts. */
export interface Criterion {
  readonly key: string;
  readonly label: string;
  readonly weight: number;
}

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/**
 * The office's catalogue. "Kosten" is scored as value for money: 5 means cheap for what it achieves,
 * so a higher score is better on every criterion.
 */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { key: 'wirkung', label: 'Wirkung', weight: 3 },
  { key: 'umsetzbarkeit', label: 'Umsetzbarkeit', weight: 2 },
  { key: 'kosten', label: 'Kosten', weight: 2 },
  { key: 'zielbeitrag', label: 'Beitrag zu vereinbarten Zielen', weight: 3 },
];

/** Someone asked to score an idea: an actor organisation or a coordinator of the office. */
export interface Evaluator {
  readonly id: string;
  readonly kind: 'actor' | 'coordinator';
}

export interface CriterionScore {
  readonly criterionKey: string;
  readonly score: number;
  readonly justification: string;
}

export interface Evaluation {
  readonly evaluatorId: string;
  readonly scores: readonly CriterionScore[];
  readonly submittedAt: string;
}

/** Σ weight × score ÷ Σ weight: one evaluator's overall score on the 1–5 scale. */
export function weightedScore(criteria: readonly Criterion[], evaluation: Evaluation): number {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const weighted = criteria.reduce((sum, criterion) => {
    const score = evaluation.scores.find((entry) => entry.criterionKey === criterion.key)?.score ?? 0;
    return sum + criterion.weight * score;
  }, 0);
  return weighted / totalWeight;
}

export interface EvaluationSummary {
  readonly assigned: number;
  readonly submitted: number;
  /** The mean of the evaluators' weighted scores; null before the first evaluation. */
  readonly weightedMean: number | null;
  /** The lowest and the highest weighted score: how far the evaluators agree. */
  readonly spread: { readonly lowest: number; readonly highest: number } | null;
}

const twoDecimals = (value: number) => Math.round(value * 100) / 100;

export function summarizeEvaluation(
  criteria: readonly Criterion[],
  assigned: number,
  evaluations: readonly Evaluation[],
): EvaluationSummary {
  const scores = evaluations.map((evaluation) => weightedScore(criteria, evaluation));
  if (scores.length === 0) return { assigned, submitted: 0, weightedMean: null, spread: null };
  return {
    assigned,
    submitted: scores.length,
    weightedMean: twoDecimals(scores.reduce((sum, score) => sum + score, 0) / scores.length),
    spread: { lowest: twoDecimals(Math.min(...scores)), highest: twoDecimals(Math.max(...scores)) },
  };
}
