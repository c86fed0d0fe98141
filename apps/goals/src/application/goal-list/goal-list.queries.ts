import { Principal } from '@bildungsregion/application';
import { Page } from '@bildungsregion/event-store';
import { containsAllWords, ReadModelCollection, ReadModelStore, SortOrder } from '@bildungsregion/read-models';
import {
  Assessment,
  ASSESSMENTS,
  EDUCATION_STAGES,
  EducationStage,
  GOAL_STATUSES,
  GoalStatus,
} from '../../domain/goal';
import { GOAL_SUMMARIES, GoalSummary } from './goal-summary.projection';

export interface GoalListQuery {
  /** Words the title contains, in any case. */
  readonly q?: string;
  readonly status?: GoalStatus;
  readonly stage?: EducationStage;
  readonly region?: string;
  readonly party?: string;
  readonly indicator?: string;
  readonly assessment?: Assessment;
  readonly synthetic?: boolean;
  readonly sort: SortOrder;
  readonly offset: number;
  readonly limit: number;
}

export interface DashboardFilter {
  readonly region?: string;
  readonly stage?: EducationStage;
}

export interface Dashboard {
  readonly total: number;
  readonly byStatus: Record<string, number>;
  readonly byAssessment: Record<string, number>;
  readonly byStage: Record<string, number>;
}

/** The goal list, the dashboard and the goals linked to an indicator, from the goal summaries read model. */
export class GoalListQueries {
  private readonly summaries: ReadModelCollection<GoalSummary>;

  constructor(readModels: ReadModelStore) {
    this.summaries = readModels.collection<GoalSummary>(GOAL_SUMMARIES);
  }

  /** Actors see only goals they are party to. */
  async list(query: GoalListQuery, principal: Principal): Promise<Page<GoalSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.q) filter['$and'] = containsAllWords('title', query.q);
    if (query.status) filter['status'] = query.status;
    if (query.stage) filter['stage'] = query.stage;
    if (query.region) filter['regionKeys'] = query.region;
    if (query.indicator) filter['indicatorKey'] = query.indicator;
    if (query.assessment) filter['assessment'] = query.assessment;
    if (query.synthetic !== undefined) filter['synthetic'] = query.synthetic;
    if (principal.role === 'actor') {
      if (query.party && query.party !== principal.id)
        return { items: [], total: 0, offset: query.offset, limit: query.limit };
      filter['partyIds'] = principal.id;
    } else if (query.party) {
      filter['partyIds'] = query.party;
    }
    const [items, total] = await Promise.all([
      this.summaries.find({ filter, sort: query.sort, skip: query.offset, limit: query.limit }),
      this.summaries.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }

  /** Counts by status, assessment and stage, narrowed by region and stage; actors count only their own goals. */
  async dashboard(query: DashboardFilter, principal: Principal): Promise<Dashboard> {
    const filter: Record<string, string> = {};
    if (query.region) filter['regionKeys'] = query.region;
    if (query.stage) filter['stage'] = query.stage;
    if (principal.role === 'actor') filter['partyIds'] = principal.id;
    const countBy = async (field: string, values: readonly string[]) =>
      Object.fromEntries(
        await Promise.all(
          values.map(async (value) => [value, await this.summaries.count({ ...filter, [field]: value })] as const),
        ),
      );
    const [total, byStatus, byAssessment, byStage] = await Promise.all([
      this.summaries.count(filter),
      countBy('status', GOAL_STATUSES),
      countBy('assessment', ASSESSMENTS),
      countBy('stage', EDUCATION_STAGES),
    ]);
    return { total, byStatus, byAssessment, byStage };
  }

  /** Goals linked to the indicator in the region, whatever their status; the decider decides what applies. */
  async linkedTo(indicatorKey: string, regionKey: string): Promise<string[]> {
    const linked = await this.summaries.find({ filter: { indicatorKey, indicatorRegionKey: regionKey }, limit: 1_000 });
    return linked.map((summary) => summary.id);
  }
}
