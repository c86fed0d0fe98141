import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPathParam,
  ApiQueryFrom,
  ApiResult,
  Caller,
  CommandController,
  CommandResponse,
  CommandResponses,
  commandRoutesAnswering,
  CurrentCaller,
  etagOf,
  Roles,
  ValidBody,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { CommandOutcome } from '@bildungsregion/application';
import { Page, StreamIntegrity } from '@bildungsregion/event-store';
import type { Response } from 'express';
import { z } from 'zod';
import { CallCommands } from '../application/calls/call-commands';
import { CallQueries } from '../application/calls/call-queries';
import { CallSummary } from '../application/calls/call-summary.projection';
import { IdeaListQueries } from '../application/idea-list/idea-list.queries';
import { Call } from '../domain/call';
import { DEFAULT_CRITERIA, SCORE_MAX, SCORE_MIN } from '../domain/evaluation';
import {
  callId,
  CallListQuery,
  ClosingRequest,
  DraftCallRequest,
  OpeningRequest,
  ReviseCallRequest,
} from './idea-requests';
import { CallCommandResult, CallPageResult, CallResult, CriteriaResult } from './idea-responses';

const COORDINATORS = ['coordinator', 'admin'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const CALL_ID = ApiPathParam('id', callId, 'The call id');
const CallCommand = commandRoutesAnswering(CallCommandResult);

type CallResponse = CommandResponse & { callId: string };

/** Ideenaufrufe: drafted by coordinators (or by the system on a cause), opened and closed by coordinators. */
@CommandController('calls', 'calls for ideas', 'call')
export class CallCommandsController {
  constructor(
    private readonly calls: CallCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CallCommand('', 201, DraftCallRequest, COORDINATORS, { summary: 'Draft a call for ideas' })
  async draft(
    @ValidBody(DraftCallRequest) body: z.output<typeof DraftCallRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CallResponse> {
    const response = await this.run('DraftCall', caller, () => this.calls.draft(body, caller.command()));
    caller.setHeader('Location', `/calls/${response.callId}`);
    return response;
  }

  @CallCommand(':id/revisions', 200, ReviseCallRequest, COORDINATORS, {
    summary: 'Revise a call',
    description: 'A draft freely; an open call except its criteria and evaluator pool; a closed call not at all.',
  })
  @CALL_ID
  revise(
    @ValidParam('id', callId) id: string,
    @ValidBody(ReviseCallRequest) body: z.output<typeof ReviseCallRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CallResponse> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.run('ReviseCall', caller, () => this.calls.revise(id, changes, caller.command()));
  }

  @CallCommand(':id/opening', 200, OpeningRequest, COORDINATORS, {
    summary: 'Open a call',
    description: 'From today (or a later date) until its closing date; it needs a Bildungsbereich.',
  })
  @CALL_ID
  open(
    @ValidParam('id', callId) id: string,
    @ValidBody(OpeningRequest) body: z.output<typeof OpeningRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CallResponse> {
    return this.run('OpenCall', caller, () => this.calls.open(id, body, caller.command()));
  }

  @CallCommand(':id/closing', 200, ClosingRequest, COORDINATORS, { summary: 'Close an open call today' })
  @CALL_ID
  close(
    @ValidParam('id', callId) id: string,
    @ValidBody(ClosingRequest) _body: unknown,
    @CurrentCaller() caller: Caller,
  ): Promise<CallResponse> {
    return this.run('CloseCall', caller, () => this.calls.close(id, caller.command()));
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'callId');
  }
}

@ApiTags('calls for ideas')
@Controller()
export class CallQueriesController {
  constructor(
    private readonly commands: CallCommands,
    private readonly list: CallQueries,
    private readonly ideas: IdeaListQueries,
  ) {}

  @Get('calls')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'List calls for ideas',
    description: 'Newest first; origin=system with status=draft gives the drafts waiting for review.',
  })
  @ApiQueryFrom(CallListQuery)
  @ApiResult(CallPageResult)
  calls(@ValidQuery(CallListQuery) query: z.output<typeof CallListQuery>): Promise<Page<CallSummary>> {
    return this.list.list(query);
  }

  @Get('calls/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A call for ideas from the event store, with how many ideas answer it' })
  @CALL_ID
  @ApiResult(CallResult, { headers: { ETag: { description: 'The revision shown, for If-Match.', required: true } } })
  async call(
    @ValidParam('id', callId) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ callId: string; revision: number; integrity: StreamIntegrity; call: Call; ideaCount: number }> {
    const { state, revision, integrity } = await this.commands.calls.load(id);
    response.setHeader('ETag', etagOf(revision));
    return {
      callId: id,
      revision,
      integrity,
      call: state,
      ideaCount: await this.ideas.summaries.count({ callId: id }),
    };
  }

  @Get('criteria')
  @Roles(...READERS)
  @ApiOperation({
    summary: "The office's criteria catalogue",
    description: 'Each criterion with its weight, scored from 1 to 5; a call may bring its own.',
  })
  @ApiResult(CriteriaResult)
  criteria(): z.output<typeof CriteriaResult> {
    return { scale: { min: SCORE_MIN, max: SCORE_MAX }, criteria: [...DEFAULT_CRITERIA] };
  }
}
