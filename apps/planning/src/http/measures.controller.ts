import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '@bildungsregion/application';
import { Page } from '@bildungsregion/event-store';
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
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { z } from 'zod';
import { MeasureTerms } from '../domain/measure';
import { MeasureCommands } from '../application/measures/measure-commands';
import { GapSummary, MeasureSummary } from '../application/measures/measure.projections';
import { MeasureQueries } from '../application/measures/measure.queries';
import {
  ApprovalRequest,
  GapListQuery,
  ImplementationRequest,
  measureId,
  MeasureListQuery,
  PlanMeasureRequest,
  ReviseMeasureRequest,
} from './measure-requests';
import { GapListResult, MeasurePageResult, MeasureResult } from './measure-responses';
import { ReasonRequest } from './planning-requests';

const PLANNERS = ['coordinator', 'admin'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const MEASURE_ID = ApiPathParam('id', measureId, 'The measure id');

type MeasureResponse = CommandResponse & { measureId: string };

/** Terms as the domain keeps them: optional parts absent rather than undefined. */
function termsOf(body: z.output<typeof PlanMeasureRequest>): MeasureTerms {
  const { title, description, regionKey, effect, cost, goalIds } = body;
  return { title, description, regionKey, ...(effect ? { effect } : {}), ...(cost ? { cost } : {}), goalIds };
}

/** Measures (Maßnahmen): planned, revised, approved, implemented or dropped by the office. */
@CommandController('measures', 'measures', 'measure')
export class MeasureCommandsController {
  constructor(
    private readonly measures: MeasureCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, PlanMeasureRequest, PLANNERS, {
    summary: 'Plan a measure',
    description: 'With the places it adds at an institution, its cost and the goals it serves.',
  })
  async plan(
    @ValidBody(PlanMeasureRequest) body: z.output<typeof PlanMeasureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<MeasureResponse> {
    const response = await this.run('PlanMeasure', caller, () => this.measures.plan(termsOf(body), caller.command()));
    caller.setHeader('Location', `/measures/${response.measureId}`);
    return response;
  }

  @CommandRoute(':id/revision', 200, ReviseMeasureRequest, PLANNERS, {
    summary: 'Revise a planned measure',
    description: 'Replaces its terms; only while it is planned.',
  })
  @MEASURE_ID
  revise(
    @ValidParam('id', measureId) id: string,
    @ValidBody(ReviseMeasureRequest) body: z.output<typeof ReviseMeasureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<MeasureResponse> {
    return this.run('ReviseMeasure', caller, () =>
      this.measures.revise(id, termsOf(body), { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute(':id/approval', 200, ApprovalRequest, PLANNERS, {
    summary: 'Approve a measure',
    description: 'The capacity plan counts it from the first 1 August on or after its effective date.',
  })
  @MEASURE_ID
  approve(
    @ValidParam('id', measureId) id: string,
    @ValidBody(ApprovalRequest) body: z.output<typeof ApprovalRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<MeasureResponse> {
    return this.run('ApproveMeasure', caller, () => this.measures.approve(id, body, caller.command(body)));
  }

  @CommandRoute(':id/implementation', 200, ImplementationRequest, PLANNERS, {
    summary: 'Record a measure as implemented',
  })
  @MEASURE_ID
  implement(
    @ValidParam('id', measureId) id: string,
    @ValidBody(ImplementationRequest) body: z.output<typeof ImplementationRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<MeasureResponse> {
    return this.run('ImplementMeasure', caller, () =>
      this.measures.implement(id, body.implementedOn, caller.command()),
    );
  }

  @CommandRoute(':id/drop', 200, ReasonRequest, PLANNERS, {
    summary: 'Drop a measure',
    description: 'Before it is implemented, with a reason.',
  })
  @MEASURE_ID
  drop(
    @ValidParam('id', measureId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<MeasureResponse> {
    return this.run('DropMeasure', caller, () =>
      this.measures.drop(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'measureId');
  }
}

@ApiTags('measures')
@Controller()
export class MeasureQueriesController {
  constructor(private readonly queries: MeasureQueries) {}

  @Get('measures')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Measures', description: 'By municipality, status, goal and institution, paginated.' })
  @ApiQueryFrom(MeasureListQuery)
  @ApiResult(MeasurePageResult)
  measures(@ValidQuery(MeasureListQuery) query: z.output<typeof MeasureListQuery>): Promise<Page<MeasureSummary>> {
    return this.queries.measures(query);
  }

  @Get('measures/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A measure' })
  @MEASURE_ID
  @ApiResult(MeasureResult)
  measure(@ValidParam('id', measureId) id: string): Promise<MeasureSummary> {
    return this.queries.measure(id);
  }

  @Get('gaps')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Gaps of the status-quo plan',
    description: 'Municipalities, stages and years whose balance is below zero (open) or was and is no more (closed).',
  })
  @ApiQueryFrom(GapListQuery)
  @ApiResult(GapListResult)
  async gaps(@ValidQuery(GapListQuery) query: z.output<typeof GapListQuery>): Promise<{ items: GapSummary[] }> {
    return { items: await this.queries.gaps(query) };
  }
}
