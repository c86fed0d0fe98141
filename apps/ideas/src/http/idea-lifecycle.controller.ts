import { Inject } from '@nestjs/common';
import {
  Caller,
  CommandController,
  CommandResponses,
  CurrentCaller,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { CommandOutcome } from '@bildungsregion/application';
import { z } from 'zod';
import { Bundles } from '../application/bundles';
import { IdeaCommands } from '../application/idea-commands';
import { COORDINATORS, IDEA_ID, IdeaCommand, IdeaResponse, PARTICIPANTS } from './idea-commands.controller';
import {
  DecisionRequest,
  EvaluationRequest,
  EvaluatorsRequest,
  ideaId,
  PromotionRequest,
  SplitRequest,
} from './idea-requests';
import { PromotionResult, SplitResult } from './idea-responses';

/** What the office does with an idea once it is in: split it, have it evaluated, decide, promote it. */
@CommandController('ideas', 'idea commands', 'idea')
export class IdeaLifecycleController {
  constructor(
    private readonly ideas: IdeaCommands,
    private readonly bundles: Bundles,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @IdeaCommand(':id/split', 201, SplitRequest, COORDINATORS, {
    summary: 'Split an idea into new ideas',
    description:
      'Each new idea says which part it carries; the authors stay its authors. The idea itself is closed as "aufgeteilt" and stays readable.',
    result: SplitResult,
  })
  @IDEA_ID
  split(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(SplitRequest) body: z.output<typeof SplitRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse & { partIds: string[] }> {
    const parts = body.parts.map(({ carries, ...content }) => ({ carries, content }));
    return this.run('SplitIdea', caller, () =>
      this.bundles.split(id, { parts, reason: body.reason }, caller.command()),
    );
  }

  @IdeaCommand(':id/evaluators', 200, EvaluatorsRequest, COORDINATORS, {
    summary: 'Assign evaluators',
    description:
      "Actors or coordinators; nobody from an organisation that wrote the idea (conflict of interest). The idea is scored against its call's criteria, else the office's catalogue (GET /criteria).",
  })
  @IDEA_ID
  assignEvaluators(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(EvaluatorsRequest) body: z.output<typeof EvaluatorsRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    return this.run('AssignEvaluators', caller, () =>
      this.ideas.assignEvaluators(id, body.evaluators, caller.command()),
    );
  }

  @IdeaCommand(':id/evaluations', 200, EvaluationRequest, PARTICIPANTS, {
    summary: "Submit the caller's evaluation",
    description:
      'An assigned evaluator scores every criterion from 1 to 5 with a justification; a later evaluation replaces the earlier one.',
  })
  @IDEA_ID
  evaluate(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(EvaluationRequest) body: z.output<typeof EvaluationRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    return this.run('SubmitEvaluation', caller, () => this.ideas.evaluate(id, body.scores, caller.command()));
  }

  @IdeaCommand(':id/decision', 200, DecisionRequest, COORDINATORS, {
    summary: 'Decide on an idea',
    description: 'Accepted, rejected (with a reason) or parked, with the authority that decided.',
  })
  @IDEA_ID
  decide(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(DecisionRequest) body: z.output<typeof DecisionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    return this.run('DecideIdea', caller, () =>
      this.ideas.decide(id, body, { ...caller.command(), ...(body.reason ? { reason: body.reason } : {}) }),
    );
  }

  @IdeaCommand(':id/promotion', 200, PromotionRequest, COORDINATORS, {
    summary: 'Promote an accepted idea to a goal or a planning measure',
    description:
      'Published on bildung.ideas.v1; goals drafts a goal from it (once), planning a measure. The idea shows what it became once that service reports it.',
    result: PromotionResult,
  })
  @IDEA_ID
  promote(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(PromotionRequest) body: z.output<typeof PromotionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse & { promotionId: string }> {
    return this.run('PromoteIdea', caller, () => this.ideas.promote(id, body.target, caller.command()));
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'ideaId');
  }
}
