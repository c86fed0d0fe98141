import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Principal } from '@bildungsregion/application';
import { ApiPathParam, ApiQueryFrom, CurrentPrincipal, etagOf, Roles, ValidParam, ValidQuery } from '@bildungsregion/http';
import { HistoryEntry, Page, StoreVerification, StreamVerification } from '@bildungsregion/event-store';
import { SortOrder } from '@bildungsregion/read-models';
import { stringify } from 'csv-stringify/sync';
import type { Response } from 'express';
import { z } from 'zod';
import { GoalAudit, GoalDiff, GoalView, ProgressTrace } from '../application/goal-audit';
import { Dashboard, GoalListQueries } from '../application/goal-list/goal-list.queries';
import { GoalSummary } from '../application/goal-list/goal-summary.projection';
import { DashboardQuery, DiffQuery, goalId, GoalAsOfQuery, GoalListQuery, HistoryQuery, progressId } from './goal-requests';

const READERS = ['coordinator', 'auditor', 'admin'] as const;
const GOAL_ID = ApiPathParam('id', goalId, 'The goal id');

function sortOf(sort: string): SortOrder {
  return sort.startsWith('-') ? { [sort.slice(1)]: -1 } : { [sort]: 1 };
}

const CSV_COLUMNS = ['revision', 'recordedAt', 'effectiveAt', 'type', 'actorId', 'actorRole', 'reason', 'authority', 'correlationId', 'causationId', 'eventId', 'data', 'prevHash', 'hash'];

function historyCsv(entries: readonly HistoryEntry[]): string {
  return stringify(
    entries.map((entry) => [
      entry.revision,
      entry.recordedAt,
      entry.effectiveAt,
      entry.type,
      entry.actor.id,
      entry.actor.role,
      entry.reason ?? '',
      entry.authority ?? '',
      entry.correlationId,
      entry.causationId ?? '',
      entry.eventId,
      JSON.stringify(entry.data),
      entry.prevHash,
      entry.hash,
    ]),
    { header: true, columns: CSV_COLUMNS },
  );
}

@ApiTags('goal queries')
@Controller()
export class GoalQueriesController {
  constructor(
    private readonly goals: GoalAudit,
    private readonly goalList: GoalListQueries,
  ) {}

  @Get('goals')
  @Roles(...READERS, 'actor')
  @ApiOperation({ summary: 'List goals', description: 'Filtered, sorted and paginated; actors see the goals they are party to.' })
  @ApiQueryFrom(GoalListQuery)
  list(@ValidQuery(GoalListQuery) query: z.output<typeof GoalListQuery>, @CurrentPrincipal() principal: Principal): Promise<Page<GoalSummary>> {
    const { sort, synthetic, ...filters } = query;
    return this.goalList.list({ ...filters, ...(synthetic ? { synthetic: synthetic === 'true' } : {}), sort: sortOf(sort) }, principal);
  }

  @Get('goals/dashboard')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Counts of goals by status, assessment and stage' })
  @ApiQueryFrom(DashboardQuery)
  dashboard(@ValidQuery(DashboardQuery) query: z.output<typeof DashboardQuery>): Promise<Dashboard> {
    return this.goalList.dashboard(query.region);
  }

  @Get('goals/:id')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'A goal, now or at a past time',
    description: 'Read from the event store, so it is always current. ETag is the stream revision; send it as If-Match with the next command.',
  })
  @GOAL_ID
  @ApiQueryFrom(GoalAsOfQuery)
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

  @Get('goals/:id/progress/:progressId/trace')
  @Roles(...READERS, 'actor')
  @ApiOperation({
    summary: 'Where a progress value came from',
    description: 'The manual entry, or the monitoring measurement (indicator, region, period, value) with the import or request it came from and who made it, and every correction since. Answered from what goals kept; monitoring is not asked.',
  })
  @GOAL_ID
  @ApiPathParam('progressId', progressId, 'The progress record')
  trace(@ValidParam('id', goalId) id: string, @ValidParam('progressId', progressId) progress: string, @CurrentPrincipal() principal: Principal): Promise<ProgressTrace> {
    return this.goals.trace(id, progress, principal);
  }

  @Get('goals/:id/history')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Every recorded event of the goal with who, when, on what authority and why', description: 'format=csv exports the same page as CSV.' })
  @ApiProduces('application/json', 'text/csv')
  @GOAL_ID
  @ApiQueryFrom(HistoryQuery)
  async history(
    @ValidParam('id', goalId) id: string,
    @ValidQuery(HistoryQuery) query: z.output<typeof HistoryQuery>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Page<HistoryEntry> | string> {
    const page = await this.goals.history(id, query);
    if (query.format === 'json') return page;
    response.type('text/csv').setHeader('Content-Disposition', `attachment; filename="goal-${id}-history.csv"`);
    return historyCsv(page.items);
  }

  @Get('goals/:id/diff')
  @Roles(...READERS)
  @ApiOperation({ summary: 'What changed in the goal between two revisions, and the events that changed it' })
  @GOAL_ID
  @ApiQueryFrom(DiffQuery)
  diff(@ValidParam('id', goalId) id: string, @ValidQuery(DiffQuery) query: z.output<typeof DiffQuery>): Promise<GoalDiff> {
    return this.goals.diff(id, query.from, query.to);
  }

  @Get('goals/:id/audit')
  @Roles(...READERS)
  @ApiOperation({ summary: "Verify the goal's hash chain", description: 'valid, or the first event whose hash does not match.' })
  @GOAL_ID
  audit(@ValidParam('id', goalId) id: string): Promise<StreamVerification> {
    return this.goals.verify(id);
  }

  @Get('audit')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Verify the hash chains of all goals' })
  auditAll(): Promise<StoreVerification> {
    return this.goals.verifyAll();
  }
}
