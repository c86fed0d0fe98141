import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '@bildungsregion/application';
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
import { Response } from 'express';
import { z } from 'zod';
import { CapacityPlans } from '../application/capacity/capacity-plans';
import { compareScenarios, ScenarioComparison } from '../application/capacity/scenario-comparison';
import { ScenarioCommands } from '../application/capacity/scenario-commands';
import { ScenarioSummary } from '../application/capacity/scenario.projection';
import { comparisonCsv, sendCsv } from './capacity-csv';
import {
  ComparisonQuery,
  CreateScenarioRequest,
  ReviseScenarioRequest,
  scenarioId,
  ScenarioListQuery,
} from './capacity-requests';
import { ScenarioComparisonResult, ScenarioListResult, ScenarioResult } from './capacity-responses';
import { ReasonRequest } from './planning-requests';

const PLANNERS = ['coordinator', 'admin'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const SCENARIO_ID = ApiPathParam('id', scenarioId, 'The scenario id');

type ScenarioResponse = CommandResponse & { scenarioId: string };

/** Scenarios of the capacity plan: a status-quo baseline and variants, each a versioned set of assumptions. */
@CommandController('scenarios', 'scenarios', 'scenario')
export class ScenarioCommandsController {
  constructor(
    private readonly scenarios: ScenarioCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, CreateScenarioRequest, PLANNERS, {
    summary: 'Create a scenario',
    description: 'Assumptions left out take the status-quo values.',
  })
  async create(
    @ValidBody(CreateScenarioRequest) body: z.output<typeof CreateScenarioRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ScenarioResponse> {
    const response = await this.run('CreateScenario', caller, () => this.scenarios.create(body, caller.command()));
    caller.setHeader('Location', `/scenarios/${response.scenarioId}`);
    return response;
  }

  @CommandRoute(':id/revisions', 200, ReviseScenarioRequest, PLANNERS, {
    summary: 'Revise a scenario into a new version',
    description: 'Earlier versions stay readable and plans can be run on them.',
  })
  @SCENARIO_ID
  revise(
    @ValidParam('id', scenarioId) id: string,
    @ValidBody(ReviseScenarioRequest) body: z.output<typeof ReviseScenarioRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ScenarioResponse> {
    const { reason, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return this.run('ReviseScenario', caller, () =>
      this.scenarios.revise(id, changes, { ...caller.command(body), reason }),
    );
  }

  @CommandRoute(':id/archive', 200, ReasonRequest, PLANNERS, { summary: 'Archive a scenario' })
  @SCENARIO_ID
  archive(
    @ValidParam('id', scenarioId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ScenarioResponse> {
    return this.run('ArchiveScenario', caller, () =>
      this.scenarios.archive(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'scenarioId');
  }
}

@ApiTags('scenarios')
@Controller('scenarios')
export class ScenarioQueriesController {
  constructor(private readonly plans: CapacityPlans) {}

  /** Declared before `:id`, which would take "comparison" for a scenario id. */
  @Get('comparison')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Compare two or more scenarios side by side',
    description: 'On the same inputs; every figure with its difference to the first scenario. format=csv exports it.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiQueryFrom(ComparisonQuery)
  @ApiResponse({ status: 404, description: 'There is no such scenario, scenario version or region.' })
  @ApiResult(ScenarioComparisonResult, { alsoAs: ['text/csv'] })
  async comparison(
    @ValidQuery(ComparisonQuery) query: z.output<typeof ComparisonQuery>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ScenarioComparison | string> {
    const scenarios = query.scenarios.map((reference) => {
      const [id, version] = reference.split('@');
      return { scenarioId: id as string, ...(version ? { version: Number(version) } : {}) };
    });
    const { regionKey, stage, fromYear } = query;
    const comparison = await compareScenarios(this.plans, scenarios, { regionKey, stage, firstYear: fromYear });
    if (query.format === 'json') return comparison;
    return sendCsv(response, 'szenarienvergleich.csv', comparisonCsv(comparison, this.plans.district));
  }

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Scenarios', description: 'By name, with their current assumptions.' })
  @ApiQueryFrom(ScenarioListQuery)
  @ApiResult(ScenarioListResult)
  async list(@ValidQuery(ScenarioListQuery) query: z.output<typeof ScenarioListQuery>) {
    return { items: await this.plans.scenarios.list(query.status) };
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A scenario with every version of its assumptions' })
  @SCENARIO_ID
  @ApiResult(ScenarioResult)
  scenario(@ValidParam('id', scenarioId) id: string): Promise<ScenarioSummary> {
    return this.plans.scenarios.scenario(id);
  }
}
