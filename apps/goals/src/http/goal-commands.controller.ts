import { applyDecorators, Controller, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOperation, ApiOperationOptions, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
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
  Role,
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

/** A command on one goal: route, status, body schema (validated and documented), roles and OpenAPI summary. */
function GoalCommandRoute(path: string, status: 200 | 201, body: z.ZodType, roles: Role[], operation: ApiOperationOptions): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(status), Roles(...roles), ApiOperation(operation), ApiPathParam('id', goalId, 'The goal id'), ApiJsonBody(body));
}

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

  @GoalCommandRoute(':id/proposal', 200, ProposalRequest, ['coordinator', 'admin'], { summary: 'Propose the draft to its parties' })
  propose(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ProposalRequest) _body: z.output<typeof ProposalRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ProposeGoal' }, caller, {});
  }

  @GoalCommandRoute(':id/consents', 200, ConsentRequest, ['coordinator', 'admin', 'actor'], { summary: "Record a party's consent to the proposal", description: 'Actors consent for themselves; coordinators record consent on behalf of a party.' })
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

  @GoalCommandRoute(':id/agreement', 200, AgreementRequest, ['coordinator', 'admin'], { summary: 'Record the decision that agrees the goal', description: 'Needs the consent of every party.' })
  agree(
    @ValidParam('id', goalId) id: string,
    @ValidBody(AgreementRequest) body: z.output<typeof AgreementRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const command: GoalCommand = { type: 'AgreeGoal', authority: body.authority, effectiveOn: body.effectiveOn };
    return this.run(id, command, caller, { authority: body.authority, effectiveOn: body.effectiveOn });
  }

  @GoalCommandRoute(':id/revisions', 200, RevisionRequest, ['coordinator', 'admin'], { summary: 'Revise the terms', description: 'A proposed or agreed goal goes back to proposed and needs every consent again.' })
  revise(
    @ValidParam('id', goalId) id: string,
    @ValidBody(RevisionRequest) body: z.output<typeof RevisionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const { reason, changes } = body;
    return this.run(id, { type: 'ReviseGoal', changes, reason }, caller, body);
  }

  @GoalCommandRoute(':id/milestones', 200, MilestoneRequest, ['coordinator', 'admin'], { summary: 'Add a milestone to the trajectory' })
  addMilestone(
    @ValidParam('id', goalId) id: string,
    @ValidBody(MilestoneRequest) body: z.output<typeof MilestoneRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'AddMilestone', milestone: body }, caller, {});
  }

  @GoalCommandRoute(':id/progress', 201, ProgressRequest, ['coordinator', 'admin', 'actor'], { summary: 'Record a progress value', description: 'Answers with the progress id under which corrections refer to the value.' })
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

  @GoalCommandRoute(':id/progress/:progressId/correction', 200, CorrectionRequest, ['coordinator', 'admin'], { summary: 'Correct an earlier progress value', description: 'The earlier value stays in the history; the correction names it and why.' })
  @ApiPathParam('progressId', progressId, 'The progress record to correct')
  correctProgress(
    @ValidParam('id', goalId) id: string,
    @ValidParam('progressId', progressId) progress: string,
    @ValidBody(CorrectionRequest) body: z.output<typeof CorrectionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'CorrectProgress', progressId: progress, value: body.value, reason: body.reason }, caller, body);
  }

  @GoalCommandRoute(':id/suspension', 200, SuspensionRequest, ['coordinator', 'admin'], { summary: 'Suspend the goal' })
  suspend(
    @ValidParam('id', goalId) id: string,
    @ValidBody(SuspensionRequest) body: z.output<typeof SuspensionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'SuspendGoal', reason: body.reason }, caller, body);
  }

  @GoalCommandRoute(':id/resumption', 200, ResumptionRequest, ['coordinator', 'admin'], { summary: 'Resume a suspended goal where it was' })
  resume(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ResumptionRequest) body: z.output<typeof ResumptionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'ResumeGoal', ...(body.reason ? { reason: body.reason } : {}) }, caller, body);
  }

  @GoalCommandRoute(':id/closure', 200, ClosureRequest, ['coordinator', 'admin'], { summary: 'Close the goal as achieved or missed' })
  close(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ClosureRequest) body: z.output<typeof ClosureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.run(id, { type: 'CloseGoal', outcome: body.outcome, reason: body.reason }, caller, body);
  }

  @GoalCommandRoute(':id/cancellation', 200, CancellationRequest, ['coordinator', 'admin'], { summary: 'Cancel the goal' })
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
