import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Principal } from '@bildungsregion/application';
import {
  ApiPathParam,
  ApiQueryFrom,
  ApiResult,
  CurrentPrincipal,
  etagOf,
  Roles,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { Page } from '@bildungsregion/event-store';
import { SortOrder } from '@bildungsregion/read-models';
import type { Response } from 'express';
import { z } from 'zod';
import { GoalAudit, GoalDiff, GoalView, ProgressTrace } from '../application/goal-audit';
import { Dashboard, GoalListQueries } from '../application/goal-list/goal-list.queries';
import { GoalSummary } from '../application/goal-list/goal-summary.projection';
import { LinkedMeasureEntry, LinkedMeasures } from '../application/linked-measures';
import {
  DashboardResult,
  GoalDiffResult,
  GoalPageResult,
  GoalResult,
  LinkedMeasureListResult,
  ProgressPageResult,
  ProgressTraceResult,
} from './goal-responses';
import {
  DashboardQuery,
  DiffQuery,
  goalId,
  GoalAsOfQuery,
  GoalListQuery,
  progressId,
  ProgressPageQuery,
} from './goal-requests';
import { ProgressRecord } from '../domain/goal';

const READERS = ['coordinator', 'auditor', 'admin'] as const;
const GOAL_ID = ApiPathParam('id', goalId, 'The goal id');

function sortOf(sort: string): SortOrder {
  return sort.startsWith('-') ? { [sort.slice(1)]: -1 } : { [sort]: 1 };
}

@ApiTags('goal queries')
@Controller()
export class GoalQueriesController {
  constructor(
    private readonly goals: GoalAudit,
    private readonly goalList: GoalListQueries,
    private readonly measures: LinkedMeasures,
  ) {}

  @Get('goals')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'List goals',
    description: 'Filtered, sorted and paginated; actors see the goals they are party to.',
  })
  @ApiQueryFrom(GoalListQuery)
  @ApiResult(GoalPageResult)
  list(
    @ValidQuery(GoalListQuery) query: z.output<typeof GoalListQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<GoalSummary>> {
    const { sort, synthetic, ...filters } = query;
    return this.goalList.list(
      { ...filters, ...(synthetic ? { synthetic: synthetic === 'true' } : {}), sort: sortOf(sort) },
      principal,
    );
  }

  @Get('goals/dashboard')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'Counts of goals by status, assessment and stage',
    description: 'Of the goals in the region and stage given; actors count the goals they are party to.',
  })
  @ApiQueryFrom(DashboardQuery)
  @ApiResult(DashboardResult)
  dashboard(
    @ValidQuery(DashboardQuery) query: z.output<typeof DashboardQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Dashboard> {
    return this.goalList.dashboard(query, principal);
  }

  @Get('goals/:id')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'A goal, now or at a past time',
    description:
      'Read from the event store, so it is always current. ETag is the stream revision; send it as If-Match with the next command.',
  })
  @GOAL_ID
  @ApiQueryFrom(GoalAsOfQuery)
  @ApiResult(GoalResult, { headers: { ETag: { description: 'The revision shown, for If-Match.', required: true } } })
  async get(
    @ValidParam('id', goalId) id: string,
    @ValidQuery(GoalAsOfQuery) asOf: z.output<typeof GoalAsOfQuery>,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<GoalView> {
    const view = await this.goals.get(id, principal, asOf);
    response.setHeader('ETag', etagOf(view.revision));
    return view;
  }

  @Get('goals/:id/progress')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: "A goal's progress, page by page",
    description: 'The latest date first; now, or as recorded by and/or in effect at a past time.',
  })
  @GOAL_ID
  @ApiQueryFrom(ProgressPageQuery)
  @ApiResult(ProgressPageResult)
  progress(
    @ValidParam('id', goalId) id: string,
    @ValidQuery(ProgressPageQuery) query: z.output<typeof ProgressPageQuery>,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<ProgressRecord>> {
    const { offset, limit, ...asOf } = query;
    return this.goals.progress(id, principal, asOf, { offset, limit });
  }

  @Get('goals/:id/measures')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'The measures serving a goal',
    description: 'As planning announced them: title, municipality and how far each has come; dropped ones last.',
  })
  @GOAL_ID
  @ApiResult(LinkedMeasureListResult)
  async linkedMeasures(
    @ValidParam('id', goalId) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: LinkedMeasureEntry[] }> {
    await this.goals.get(id, principal, {});
    return { items: await this.measures.forGoal(id) };
  }

  @Get('goals/:id/progress/:progressId/trace')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'Where a progress value came from',
    description:
      'The manual entry, or the monitoring measurement (indicator, region, period, value) with the import or request it came from and who made it, and every correction since. Answered from what goals kept; monitoring is not asked.',
  })
  @GOAL_ID
  @ApiPathParam('progressId', progressId, 'The progress record')
  @ApiResult(ProgressTraceResult)
  trace(
    @ValidParam('id', goalId) id: string,
    @ValidParam('progressId', progressId) progress: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ProgressTrace> {
    return this.goals.trace(id, progress, principal);
  }

  @Get('goals/:id/diff')
  @Roles(...READERS)
  @ApiOperation({ summary: 'What changed in the goal between two revisions, and the events that changed it' })
  @GOAL_ID
  @ApiQueryFrom(DiffQuery)
  @ApiResult(GoalDiffResult)
  diff(
    @ValidParam('id', goalId) id: string,
    @ValidQuery(DiffQuery) query: z.output<typeof DiffQuery>,
  ): Promise<GoalDiff> {
    return this.goals.diff(id, query.from, query.to);
  }
}
