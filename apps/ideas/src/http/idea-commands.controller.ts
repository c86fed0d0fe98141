import { applyDecorators, Delete, HttpCode, Inject } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  ApiPathParam,
  ApiResult,
  Caller,
  CommandController,
  CommandResponse,
  CommandResponses,
  commandRoutesAnswering,
  CurrentCaller,
  RequestValidationError,
  Roles,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { CommandOutcome } from '@bildungsregion/application';
import { z } from 'zod';
import { IdeaCommands } from '../application/idea-commands';
import { SimilarIdea, SimilarIdeas } from '../application/similarity/similar-ideas';
import {
  actorId,
  commentId,
  CommentEditRequest,
  CommentRequest,
  EndorsementRequest,
  ideaId,
  ReviseIdeaRequest,
  SubmitIdeaRequest,
  WithdrawIdeaRequest,
} from './idea-requests';
import { CommentResult, IdeaCommandResult, SubmissionResult } from './idea-responses';

/** Actors take part; coordinators and admins may do everything; auditors only read. */
export const PARTICIPANTS = ['coordinator', 'admin', 'actor'] as const;
export const COORDINATORS = ['coordinator', 'admin'] as const;
export const IDEA_ID = ApiPathParam('id', ideaId, 'The idea id');
export const IdeaCommand = commandRoutesAnswering(IdeaCommandResult);

export type IdeaResponse = CommandResponse & { ideaId: string };

@CommandController('ideas', 'idea commands', 'idea')
export class IdeaCommandsController {
  constructor(
    private readonly ideas: IdeaCommands,
    private readonly similar: SimilarIdeas,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @IdeaCommand('', 201, SubmitIdeaRequest, PARTICIPANTS, {
    summary: 'Submit an idea',
    description:
      'Answers the open ideas that read like it ("ähnlich" and "wahrscheinlich doppelt"), with the words that matched.',
    result: SubmissionResult,
  })
  async submit(
    @ValidBody(SubmitIdeaRequest) body: z.output<typeof SubmitIdeaRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse & { similar: SimilarIdea[] }> {
    const { onBehalfOf, callId, ...content } = body;
    const response = await this.run('SubmitIdea', caller, async () => {
      const outcome = await this.ideas.submit(content, caller.command(), {
        ...(onBehalfOf ? { onBehalfOf } : {}),
        ...(callId ? { callId } : {}),
      });
      return { ...outcome, similar: await this.similar.similarTo(content, { excluding: outcome.id }) };
    });
    caller.setHeader('Location', `/ideas/${response.ideaId}`);
    return response;
  }

  @IdeaCommand(':id/revisions', 200, ReviseIdeaRequest, PARTICIPANTS, {
    summary: 'Revise the text of an idea',
    description:
      'Its author (or a coordinator) changes title, description, Bildungsbereiche, regions or tags; the earlier text stays in the history.',
  })
  @IDEA_ID
  revise(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(ReviseIdeaRequest) body: z.output<typeof ReviseIdeaRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.run('ReviseIdea', caller, () => this.ideas.revise(id, changes, caller.command()));
  }

  @IdeaCommand(':id/withdrawal', 200, WithdrawIdeaRequest, PARTICIPANTS, {
    summary: 'Withdraw an idea',
    description:
      'By its author (or a coordinator), with a reason; a duplicate names the open idea it is withdrawn in favour of.',
  })
  @IDEA_ID
  withdraw(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(WithdrawIdeaRequest) body: z.output<typeof WithdrawIdeaRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    const { reason, explanation, duplicateOf } = body;
    return this.run('WithdrawIdea', caller, () =>
      this.ideas.withdraw(
        id,
        { reason, explanation, ...(duplicateOf ? { duplicateOf } : {}) },
        { ...caller.command(), reason: explanation },
      ),
    );
  }

  @IdeaCommand(':id/comments', 201, CommentRequest, PARTICIPANTS, {
    summary: 'Comment on an idea, or reply to a comment',
    result: CommentResult,
  })
  @IDEA_ID
  comment(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(CommentRequest) body: z.output<typeof CommentRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse & { commentId: string }> {
    const { text, replyTo } = body;
    return this.run('PostComment', caller, () =>
      this.ideas.comment(id, { text, ...(replyTo ? { replyTo } : {}) }, caller.command()),
    );
  }

  @IdeaCommand(':id/comments/:commentId/edits', 200, CommentEditRequest, PARTICIPANTS, {
    summary: 'Change the text of a comment',
    description: 'Only its author, for 15 minutes after posting; after that the comment is kept as it is.',
    result: CommentResult,
  })
  @IDEA_ID
  @ApiPathParam('commentId', commentId, 'The comment')
  editComment(
    @ValidParam('id', ideaId) id: string,
    @ValidParam('commentId', commentId) comment: string,
    @ValidBody(CommentEditRequest) body: z.output<typeof CommentEditRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse & { commentId: string }> {
    return this.run('EditComment', caller, () => this.ideas.editComment(id, comment, body.text, caller.command()));
  }

  @IdeaCommand(':id/endorsements', 200, EndorsementRequest, PARTICIPANTS, {
    summary: 'Endorse an idea for an actor organisation',
    description:
      'One endorsement per organisation; an actor endorses for itself, a coordinator records one on behalf of an actor.',
  })
  @IDEA_ID
  endorse(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(EndorsementRequest) body: z.output<typeof EndorsementRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    const endorser = body.actorId ?? (caller.principal.role === 'actor' ? caller.principal.id : undefined);
    if (!endorser) {
      return Promise.reject(
        new RequestValidationError([
          {
            field: 'body.actorId',
            message: 'required when a coordinator records an endorsement on behalf of an actor',
          },
        ]),
      );
    }
    return this.run('EndorseIdea', caller, () => this.ideas.endorse(id, endorser, caller.command()));
  }

  @EndorsementRemoval()
  @IDEA_ID
  @ApiPathParam('actorId', actorId, 'The organisation whose endorsement ends')
  withdrawEndorsement(
    @ValidParam('id', ideaId) id: string,
    @ValidParam('actorId', actorId) endorser: string,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    return this.run('WithdrawEndorsement', caller, () =>
      this.ideas.withdrawEndorsement(id, endorser, caller.command()),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'ideaId');
  }
}

/** `DELETE /ideas/{id}/endorsements/{actorId}`: a command without a body. */
function EndorsementRemoval(): MethodDecorator {
  return applyDecorators(
    Delete(':id/endorsements/:actorId'),
    HttpCode(200),
    Roles(...PARTICIPANTS),
    ApiOperation({
      summary: 'Withdraw an endorsement',
      description: 'An actor withdraws its own endorsement; a coordinator may withdraw any.',
    }),
    ApiResult(IdeaCommandResult, {
      status: 200,
      description: 'Recorded: the new revision and the recorded events.',
      headers: { ETag: { description: 'The new revision, for If-Match.', required: true } },
    }),
  );
}
