import { Criterion, Evaluation, summarizeEvaluation } from '../../domain/evaluation';
import type { IdeaSummary } from './idea-summary.projection';

type Row = Omit<IdeaSummary, 'projectedPosition'>;

/** The criteria and evaluations behind the row's figures, kept on the row so each event updates them. */
export interface EvaluationBasis {
  readonly criteria: readonly Criterion[];
  readonly evaluations: readonly Evaluation[];
}
export type StoredRow = Row & { readonly evaluationBasis?: EvaluationBasis };

export function evaluationOf(assigned: number, basis: EvaluationBasis): IdeaSummary['evaluation'] {
  const summary = summarizeEvaluation(basis.criteria, assigned, basis.evaluations);
  return {
    state: assigned === 0 ? 'none' : summary.submitted >= assigned ? 'complete' : 'pending',
    assigned,
    submitted: summary.submitted,
    weightedMean: summary.weightedMean,
  };
}
