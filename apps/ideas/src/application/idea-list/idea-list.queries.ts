import { Page } from '@bildungsregion/event-store';
import { literalPattern, ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { DecisionOutcome, EducationStage, IdeaStatus } from '../../domain/idea';
import { stemsOf } from '../similarity/german-text';
import { StoredRow } from './evaluation-figures';
import { IDEA_SUMMARIES, IdeaSummary } from './idea-summary.projection';

export interface IdeaListQuery {
  /** Words the idea contains, German-aware: every word must match the start of a word's stem. */
  readonly text?: string;
  readonly status?: IdeaStatus;
  readonly stage?: EducationStage;
  readonly region?: string;
  readonly tag?: string;
  readonly submitter?: string;
  readonly callId?: string;
  /** `none`: no evaluators yet; `pending`: some have not scored; `complete`: all have. */
  readonly evaluation?: 'none' | 'pending' | 'complete';
  /** Ideas this evaluator is assigned to. */
  readonly evaluator?: string;
  readonly decision?: DecisionOutcome | 'undecided';
  readonly offset: number;
  readonly limit: number;
}

/** The idea list, newest first, from the idea summaries read model. Every role reads every idea. */
export class IdeaListQueries {
  readonly summaries: ReadModelCollection<IdeaSummary>;

  constructor(readModels: ReadModelStore) {
    this.summaries = readModels.collection<IdeaSummary>(IDEA_SUMMARIES);
  }

  async list(query: IdeaListQuery): Promise<Page<IdeaSummary & { endorsementTotal: number }>> {
    const filter: Record<string, unknown> = {};
    const stems = query.text ? [...new Set(stemsOf(query.text))] : [];
    if (stems.length > 0)
      filter['$and'] = stems.map((stem) => ({ searchTerms: { $regex: `^${literalPattern(stem)}` } }));
    if (query.status) filter['status'] = query.status;
    if (query.stage) filter['stages'] = query.stage;
    if (query.region) filter['regionKeys'] = query.region;
    if (query.tag) filter['tagKeys'] = query.tag.toLocaleLowerCase('de');
    if (query.submitter) filter['submitterId'] = query.submitter;
    if (query.callId) filter['callId'] = query.callId;
    if (query.evaluation) filter['evaluation.state'] = query.evaluation;
    if (query.evaluator) filter['evaluatorIds'] = query.evaluator;
    if (query.decision) filter['decision'] = query.decision === 'undecided' ? null : query.decision;
    const [items, total] = await Promise.all([
      this.summaries.find({ filter, sort: { submittedAt: -1 }, skip: query.offset, limit: query.limit }),
      this.summaries.count(filter),
    ]);
    return { items: await this.withLinkedEndorsements(items), total, offset: query.offset, limit: query.limit };
  }

  /**
   * Each row with `endorsementTotal`: its own endorsements plus, for a bundle, those its sources keep
   * (linked, never moved to the bundle).
   */
  async withLinkedEndorsements(rows: readonly IdeaSummary[]): Promise<(IdeaSummary & { endorsementTotal: number })[]> {
    const sourceIds = [...new Set(rows.flatMap((row) => row.sourceIds))];
    const sources = sourceIds.length > 0 ? await this.summaries.getMany(sourceIds) : [];
    const counts = new Map(sources.map((source) => [source.id, source.endorsementCount]));
    // The scores behind a row's figures stay inside: evaluators see only their own evaluation.
    return rows.map(({ evaluationBasis: _scores, ...row }: IdeaSummary & Pick<StoredRow, 'evaluationBasis'>) => ({
      ...row,
      endorsementTotal: row.sourceIds.reduce((sum, id) => sum + (counts.get(id) ?? 0), row.endorsementCount),
    }));
  }
}
