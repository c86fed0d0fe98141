import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiPathParam,
  ApiQueryFrom,
  ApiResult,
  Caller,
  CommandController,
  CommandResponse,
  CommandResponses,
  CommandRoute,
  CurrentCaller,
  Roles,
  todayInGermany,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { Response } from 'express';
import { z } from 'zod';
import { CapacityPlan, CapacityPlans } from '../application/capacity/capacity-plans';
import { nkitagReport } from '../application/capacity/nkitag-report';
import { PlanRunDocument, PlanRuns } from '../application/capacity/plan-runs';
import { nkitagCsv, planCsv, planRunCsv, sendCsv } from './capacity-csv';
import {
  CapacityPlanQuery,
  NkitagQuery,
  planRunId,
  PlanRunListQuery,
  PlanRunQuery,
  RecordPlanRunRequest,
} from './capacity-requests';
import { CapacityPlanResult, NkitagResult, PlanRunPageResult, PlanRunResult } from './capacity-responses';

const PLANNERS = ['coordinator', 'admin'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;

/** The capacity plan per municipality, stage and year, and the § 21 NKiTaG report. */
@ApiTags('capacity plans')
@Controller()
export class CapacityPlansController {
  constructor(private readonly plans: CapacityPlans) {}

  @Get('capacity-plans')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The capacity plan of a scenario',
    description:
      'Demand, supply, balance, coverage and groups per municipality (and the district), stage and year; every row says where its figures came from. format=csv exports it.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiQueryFrom(CapacityPlanQuery)
  @ApiResponse({ status: 404, description: 'There is no such scenario, scenario version or region.' })
  @ApiResult(CapacityPlanResult, { alsoAs: ['text/csv'] })
  async plan(
    @ValidQuery(CapacityPlanQuery) query: z.output<typeof CapacityPlanQuery>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CapacityPlan | string> {
    const { scenario, version, regionKey, stage, fromYear } = query;
    const plan = await this.plans.plan({ scenarioId: scenario, version, regionKey, stage, firstYear: fromYear });
    if (query.format === 'json') return plan;
    return sendCsv(response, `kapazitaetsplan-${scenario}.csv`, planCsv(plan, this.plans.district));
  }

  @Get('exports/nkitag-21')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The yearly figures under § 21 NKiTaG',
    description:
      'One line per municipality (and Ortslage where known) and age group: places approved, over seven hours, integration, occupied on 1 October, and the demand of the next six Kita years. CSV unless format=json.',
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiQueryFrom(NkitagQuery)
  @ApiResponse({ status: 404, description: 'The status-quo scenario is missing.' })
  @ApiResult(NkitagResult, { alsoAs: ['text/csv'] })
  async nkitag(
    @ValidQuery(NkitagQuery) query: z.output<typeof NkitagQuery>,
    @Res({ passthrough: true }) response: Response,
  ) {
    const today = todayInGermany();
    const latestPassed = today.slice(5) >= '10-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const report = await nkitagReport(this.plans, query.year ?? latestPassed);
    if (query.format === 'json') return report;
    return sendCsv(response, `nkitag-21-${report.referenceDate}.csv`, nkitagCsv(report.lines));
  }
}

type PlanRunResponse = CommandResponse & { runId: string };

/** Recorded plan runs: the figures as a committee saw them. */
@CommandController('plan-runs', 'capacity plans', 'plan run')
export class PlanRunCommandsController {
  constructor(
    private readonly runs: PlanRuns,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, RecordPlanRunRequest, PLANNERS, {
    summary: 'Record a plan run',
    description:
      'Computes the plans of the given scenario versions on the same inputs and keeps the figures unchanged.',
  })
  async record(
    @ValidBody(RecordPlanRunRequest) body: z.output<typeof RecordPlanRunRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<PlanRunResponse> {
    const response = await this.responses.run(
      'RecordPlanRun',
      caller,
      () => this.runs.record(body.purpose, body.scenarios, body.fromYear, caller.command()),
      'runId',
    );
    caller.setHeader('Location', `/plan-runs/${response.runId}`);
    return response;
  }
}

@ApiTags('capacity plans')
@Controller('plan-runs')
export class PlanRunQueriesController {
  constructor(private readonly runs: PlanRuns) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Recorded plan runs, newest first' })
  @ApiQueryFrom(PlanRunListQuery)
  @ApiResult(PlanRunPageResult)
  list(@ValidQuery(PlanRunListQuery) query: z.output<typeof PlanRunListQuery>) {
    return this.runs.list(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A recorded plan run with its figures', description: 'format=csv exports the figures.' })
  @ApiPathParam('id', planRunId, 'The plan run id')
  @ApiProduces('application/json', 'text/csv')
  @ApiQueryFrom(PlanRunQuery)
  @ApiResult(PlanRunResult, { alsoAs: ['text/csv'] })
  async run(
    @ValidParam('id', planRunId) id: string,
    @ValidQuery(PlanRunQuery) query: z.output<typeof PlanRunQuery>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PlanRunDocument | string> {
    const run = await this.runs.run(id);
    if (query.format === 'json') return run;
    return sendCsv(response, `planstand-${id}.csv`, planRunCsv(run, this.runs.plans.district));
  }
}
