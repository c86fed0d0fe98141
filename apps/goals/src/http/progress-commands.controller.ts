import { Inject } from '@nestjs/common';
import {
  ApiPathParam,
  Caller,
  CommandController,
  CommandResponses,
  CurrentCaller,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { z } from 'zod';
import { GoalCommands } from '../application/goal-commands';
import { COORDINATORS, GOAL_ID, GoalCommand, GoalResponse, PARTIES } from './goal-commands.controller';
import { CorrectionRequest, goalId, ProgressRequest, progressId } from './goal-requests';
import { ProgressResult } from './goal-responses';

/** Progress values of a goal: recorded by coordinators and parties, corrected by coordinators. */
@CommandController('goals', 'goal commands', 'goal')
export class ProgressCommandsController {
  constructor(
    private readonly goals: GoalCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @GoalCommand(':id/progress', 201, ProgressRequest, PARTIES, {
    summary: 'Record a progress value',
    description: 'Answers with the progress id under which corrections refer to the value.',
    result: ProgressResult,
  })
  @GOAL_ID
  async recordProgress(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ProgressRequest) body: z.output<typeof ProgressRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse & { progressId: string }> {
    const response = await this.responses.run(
      'RecordProgress',
      caller,
      () => this.goals.recordProgress(id, body, caller.command()),
      'goalId',
    );
    caller.setHeader('Location', `/goals/${id}/progress/${response.progressId}`);
    return response;
  }

  @GoalCommand(':id/progress/:progressId/correction', 200, CorrectionRequest, COORDINATORS, {
    summary: 'Correct an earlier progress value',
    description: 'The earlier value stays in the history; the correction names it and why.',
  })
  @GOAL_ID
  @ApiPathParam('progressId', progressId, 'The progress record to correct')
  correctProgress(
    @ValidParam('id', goalId) id: string,
    @ValidParam('progressId', progressId) progress: string,
    @ValidBody(CorrectionRequest) body: z.output<typeof CorrectionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    const reason = body.reason;
    return this.responses.run(
      'CorrectProgress',
      caller,
      () => this.goals.correctProgress(id, progress, body.value, { ...caller.command(body), reason }),
      'goalId',
    );
  }
}
