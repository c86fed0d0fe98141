import { Inject } from '@nestjs/common';
import {
  ApiPathParam,
  Caller,
  CommandController,
  CommandResponse,
  CommandResponses,
  commandRoutesAnswering,
  CurrentCaller,
  RequestValidationError,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { CommandOutcome } from '@bildungsregion/application';
import { z } from 'zod';
import { GoalCommandResult } from './goal-responses';
import { GoalCommands } from '../application/goal-commands';
import {
  AgreementRequest,
  CancellationRequest,
  ClosureRequest,
  ConsentRequest,
  DraftAmendmentRequest,
  DraftGoalRequest,
  goalId,
  MilestoneRequest,
  ProposalRequest,
  ResumptionRequest,
  RevisionRequest,
  SuspensionRequest,
} from './goal-requests';

export const COORDINATORS = ['coordinator', 'admin'] as const;
export const PARTIES = ['coordinator', 'admin', 'actor'] as const;
export const GOAL_ID = ApiPathParam('id', goalId, 'The goal id');
export const GoalCommand = commandRoutesAnswering(GoalCommandResult);

export type GoalResponse = CommandResponse & { goalId: string };

@CommandController('goals', 'goal commands', 'goal')
export class GoalCommandsController {
  constructor(
    private readonly goals: GoalCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @GoalCommand('', 201, DraftGoalRequest, COORDINATORS, { summary: 'Draft a target agreement (Zielvereinbarung)' })
  async draft(
    @ValidBody(DraftGoalRequest) body: z.output<typeof DraftGoalRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    const { indicator, ...terms } = body;
    const response = await this.run('DraftGoal', caller, () =>
      this.goals.draft({ ...terms, ...(indicator ? { indicator } : {}) }, caller.command()),
    );
    caller.setHeader('Location', `/goals/${response.goalId}`);
    return response;
  }

  @GoalCommand(':id/draft', 200, DraftAmendmentRequest, COORDINATORS, {
    summary: 'Complete or change a draft',
    description:
      'Changes any term of a draft, the Bildungsbereich, baseline and unit included; a draft promoted from an idea is completed this way before it can be proposed.',
  })
  @GOAL_ID
  amendDraft(
    @ValidParam('id', goalId) id: string,
    @ValidBody(DraftAmendmentRequest) body: z.output<typeof DraftAmendmentRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('AmendDraft', caller, () => this.goals.amendDraft(id, body.changes, caller.command()));
  }

  @GoalCommand(':id/proposal', 200, ProposalRequest, COORDINATORS, { summary: 'Propose the draft to its parties' })
  @GOAL_ID
  propose(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ProposalRequest) _body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('ProposeGoal', caller, () => this.goals.propose(id, caller.command()));
  }

  @GoalCommand(':id/consents', 200, ConsentRequest, PARTIES, {
    summary: "Record a party's consent to the proposal",
    description: 'Actors consent for themselves; coordinators record consent on behalf of a party.',
  })
  @GOAL_ID
  consent(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ConsentRequest) body: z.output<typeof ConsentRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    const partyId = body.partyId ?? (caller.principal.role === 'actor' ? caller.principal.id : undefined);
    if (!partyId) {
      return Promise.reject(
        new RequestValidationError([
          { field: 'body.partyId', message: 'required when a coordinator records consent on behalf of a party' },
        ]),
      );
    }
    return this.run('RecordConsent', caller, () => this.goals.consent(id, partyId, caller.command()));
  }

  @GoalCommand(':id/agreement', 200, AgreementRequest, COORDINATORS, {
    summary: 'Record the decision that agrees the goal',
    description: 'Needs the consent of every party.',
  })
  @GOAL_ID
  agree(
    @ValidParam('id', goalId) id: string,
    @ValidBody(AgreementRequest) body: z.output<typeof AgreementRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('AgreeGoal', caller, () =>
      this.goals.agree(id, { ...caller.command(body), authority: body.authority, effectiveAt: body.effectiveOn }),
    );
  }

  @GoalCommand(':id/revisions', 200, RevisionRequest, COORDINATORS, {
    summary: 'Revise the terms',
    description: 'A proposed or agreed goal goes back to proposed and needs every consent again.',
  })
  @GOAL_ID
  revise(
    @ValidParam('id', goalId) id: string,
    @ValidBody(RevisionRequest) body: z.output<typeof RevisionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('ReviseGoal', caller, () =>
      this.goals.revise(id, body.changes, { ...caller.command(body), reason: body.reason }),
    );
  }

  @GoalCommand(':id/milestones', 200, MilestoneRequest, COORDINATORS, { summary: 'Add a milestone to the trajectory' })
  @GOAL_ID
  addMilestone(
    @ValidParam('id', goalId) id: string,
    @ValidBody(MilestoneRequest) body: z.output<typeof MilestoneRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('AddMilestone', caller, () => this.goals.addMilestone(id, body, caller.command()));
  }

  @GoalCommand(':id/suspension', 200, SuspensionRequest, COORDINATORS, { summary: 'Suspend the goal' })
  @GOAL_ID
  suspend(
    @ValidParam('id', goalId) id: string,
    @ValidBody(SuspensionRequest) body: z.output<typeof SuspensionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('SuspendGoal', caller, () =>
      this.goals.suspend(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  @GoalCommand(':id/resumption', 200, ResumptionRequest, COORDINATORS, {
    summary: 'Resume a suspended goal where it was',
  })
  @GOAL_ID
  resume(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ResumptionRequest) body: z.output<typeof ResumptionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('ResumeGoal', caller, () => this.goals.resume(id, caller.command(body)));
  }

  @GoalCommand(':id/closure', 200, ClosureRequest, COORDINATORS, { summary: 'Close the goal as achieved or missed' })
  @GOAL_ID
  close(
    @ValidParam('id', goalId) id: string,
    @ValidBody(ClosureRequest) body: z.output<typeof ClosureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('CloseGoal', caller, () =>
      this.goals.close(id, body.outcome, { ...caller.command(body), reason: body.reason }),
    );
  }

  @GoalCommand(':id/cancellation', 200, CancellationRequest, COORDINATORS, { summary: 'Cancel the goal' })
  @GOAL_ID
  cancel(
    @ValidParam('id', goalId) id: string,
    @ValidBody(CancellationRequest) body: z.output<typeof CancellationRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<GoalResponse> {
    return this.run('CancelGoal', caller, () =>
      this.goals.cancel(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'goalId');
  }
}
