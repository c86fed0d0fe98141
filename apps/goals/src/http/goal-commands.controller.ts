import { Controller, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { eventIdFor } from '@bildungsregion/bus';
import {
  ApiJsonBody,
  ApiPathParam,
  Caller,
  CurrentCaller,
  etagOf,
  IdempotencyInterceptor,
  Metrics,
  RequestValidationError,
  Roles,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CommandOutcome, CommandRequest, Goals } from '../application/goals';
import { GoalCommand } from '../domain/goal';
import {
  AgreementRequest,
  CancellationRequest,
  ClosureRequest,
  ConsentRequest,
  CorrectionRequest,
  DraftGoalRequest,
  goalId,
  MilestoneRequest,
  ProgressRequest,
  progressId,
  ProposalRequest,
  ResumptionRequest,
  RevisionRequest,
  SuspensionRequest,
} from './goal-requests';

/** What every command answers: the goal's new revision (also in `ETag`) and what was recorded. */
export interface CommandResponse {
  readonly goalId: string;
  readonly revision: number;
  readonly events: readonly { readonly eventId: string; readonly type: string }[];
}

interface Grounds {
  readonly reason?: string;
  readonly authority?: string;
  readonly effectiveOn?: string;
}

const GOAL_ID = ApiPathParam('id', goalId, 'The goal id');

@ApiTags('goal commands')
@ApiHeader({ name: 'If-Match', required: false, description: 'ETag of the revision the change is based on; 409 when the goal has changed since.' })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key returns the first response and records nothing twice.' })
@ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the recorded events and the logs; generated when absent.' })
@ApiConflictResponse({ description: 'Invalid transition, or a stale If-Match (problem+json).' })
@ApiUnprocessableEntityResponse({ description: 'The command breaks a business rule (problem+json).' })
@UseInterceptors(IdempotencyInterceptor)
@Controller('goals')
export class GoalCommandsController {
  private readonly commands;

  constructor(
    private readonly goals: Goals,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.commands = metrics.counter('goals_commands_total', 'Commands by type and outcome', ['command', 'outcome']);
  }

  @Post()
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Draft a target agreement (Zielvereinbarung)' })
  @ApiJsonBody(DraftGoalRequest)
  async draft(
    @ValidBody(DraftGoalRequest) body: z.output<typeof DraftGoalRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const id = caller.idempotencyKey ? eventIdFor('goal', caller.principal.id, caller.idempotencyKey) : randomUUID();
    const { indicator, ...terms } = body;
    const result = await this.run(id, { type: 'DraftGoal', goalId: id, terms: { ...terms, ...(indicator ? { indicator } : {}) } }, caller, {});
    caller.setHeader('Location', `/goals/${id}`);
    return result;
  }

  @Post(':id/proposal')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Propose the draft to its parties' })
  @GOAL_ID
  @ApiJsonBody(ProposalRequest)
  propose(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ProposalRequest) _body: z.output<typeof ProposalRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ProposeGoal' }, caller, {});
  }

  @Post(':id/consents')
  @HttpCode(200)
  @Roles('coordinator', 'admin', 'actor')
  @ApiOperation({ summary: "Record a party's consent to the proposal", description: 'Actors consent for themselves; coordinators record consent on behalf of a party.' })
  @GOAL_ID
  @ApiJsonBody(ConsentRequest)
  consent(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ConsentRequest) body: z.output<typeof ConsentRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const partyId = body.partyId ?? (caller.principal.role === 'actor' ? caller.principal.id : undefined);
    if (!partyId) {
      return Promise.reject(new RequestValidationError([{ field: 'body.partyId', message: 'required when a coordinator records consent on behalf of a party' }]));
    }
    return this.run(id, { type: 'RecordConsent', partyId }, caller, {});
  }

  @Post(':id/agreement')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Record the decision that agrees the goal', description: 'Needs the consent of every party.' })
  @GOAL_ID
  @ApiJsonBody(AgreementRequest)
  agree(
    @ValidParam('id', goalId) id: string,
    @ValidBody(AgreementRequest) body: z.output<typeof AgreementRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const command: GoalCommand = { type: 'AgreeGoal', authority: body.authority, effectiveOn: body.effectiveOn };
    return this.run(id, command, caller, { authority: body.authority, effectiveOn: body.effectiveOn });
  }

  @Post(':id/revisions')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Revise the terms', description: 'A proposed or agreed goal goes back to proposed and needs every consent again.' })
  @GOAL_ID
  @ApiJsonBody(RevisionRequest)
  revise(
    @ValidParam('id', goalId) id: string,
    @ValidBody(RevisionRequest) body: z.output<typeof RevisionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const { reason, changes } = body;
    return this.run(id, { type: 'ReviseGoal', changes, reason }, caller, body);
  }

  @Post(':id/milestones')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Add a milestone to the trajectory' })
  @GOAL_ID
  @ApiJsonBody(MilestoneRequest)
  addMilestone(
    @ValidParam('id', goalId) id: string,
    @ValidBody(MilestoneRequest) body: z.output<typeof MilestoneRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'AddMilestone', milestone: body }, caller, {});
  }

  @Post(':id/progress')
  @Roles('coordinator', 'admin', 'actor')
  @ApiOperation({ summary: 'Record a progress value', description: 'Answers with the progress id under which corrections refer to the value.' })
  @GOAL_ID
  @ApiJsonBody(ProgressRequest)
  async recordProgress(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ProgressRequest) body: z.output<typeof ProgressRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse & { progressId: string }> {
    const newProgressId = caller.idempotencyKey ? eventIdFor('progress', caller.principal.id, id, caller.idempotencyKey) : randomUUID();
    const command: GoalCommand = {
      type: 'RecordProgress',
      progressId: newProgressId,
      value: body.value,
      asOf: body.asOf,
      source: 'manual',
      ...(body.note !== undefined ? { note: body.note } : {}),
    };
    const result = await this.run(id, command, caller, { effectiveOn: body.asOf });
    caller.setHeader('Location', `/goals/${id}/progress/${newProgressId}`);
    return { ...result, progressId: newProgressId };
  }

  @Post(':id/progress/:progressId/correction')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Correct an earlier progress value', description: 'The earlier value stays in the history; the correction names it and why.' })
  @GOAL_ID
  @ApiPathParam('progressId', progressId, 'The progress record to correct')
  @ApiJsonBody(CorrectionRequest)
  correctProgress(
    @ValidParam('id', goalId) id: string,
    @ValidParam('progressId', progressId) progress: string,
    @ValidBody(CorrectionRequest) body: z.output<typeof CorrectionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'CorrectProgress', progressId: progress, value: body.value, reason: body.reason }, caller, body);
  }

  @Post(':id/suspension')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Suspend the goal' })
  @GOAL_ID
  @ApiJsonBody(SuspensionRequest)
  suspend(
    @ValidParam('id', goalId) id: string,
    @ValidBody(SuspensionRequest) body: z.output<typeof SuspensionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'SuspendGoal', reason: body.reason }, caller, body);
  }

  @Post(':id/resumption')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Resume a suspended goal where it was' })
  @GOAL_ID
  @ApiJsonBody(ResumptionRequest)
  resume(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ResumptionRequest) body: z.output<typeof ResumptionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ResumeGoal', ...(body.reason ? { reason: body.reason } : {}) }, caller, body);
  }

  @Post(':id/closure')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Close the goal as achieved or missed' })
  @GOAL_ID
  @ApiJsonBody(ClosureRequest)
  close(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ClosureRequest) body: z.output<typeof ClosureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'CloseGoal', outcome: body.outcome, reason: body.reason }, caller, body);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @Roles('coordinator', 'admin')
  @ApiOperation({ summary: 'Cancel the goal' })
  @GOAL_ID
  @ApiJsonBody(CancellationRequest)
  cancel(
    @ValidParam('id', goalId) id: string,
    @ValidBody(CancellationRequest) body: z.output<typeof CancellationRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'CancelGoal', reason: body.reason }, caller, body);
  }

  private async run(id: string, command: GoalCommand, caller: Caller, grounds: Grounds): Promise<CommandResponse> {
    const request: CommandRequest = {
      principal: caller.principal,
      correlationId: caller.correlationId,
      ...(caller.expectedRevision !== undefined ? { expectedRevision: caller.expectedRevision } : {}),
      ...(grounds.reason !== undefined ? { reason: grounds.reason } : {}),
      ...(grounds.authority !== undefined ? { authority: grounds.authority } : {}),
      ...(grounds.effectiveOn !== undefined ? { effectiveAt: grounds.effectiveOn } : {}),
    };
    let outcome: CommandOutcome;
    try {
      outcome = await this.goals.execute(id, command, request);
    } catch (error) {
      this.commands.inc({ command: command.type, outcome: 'refused' });
      throw error;
    }
    this.commands.inc({ command: command.type, outcome: 'accepted' });
    caller.setHeader('ETag', etagOf(outcome.revision));
    return { goalId: id, revision: outcome.revision, events: outcome.events.map((event) => ({ eventId: event.id, type: event.type })) };
  }
}
