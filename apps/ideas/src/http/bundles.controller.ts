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
import { Bundles } from '../application/bundles';
import { COORDINATORS, IdeaCommand, IdeaResponse } from './idea-commands.controller';
import { BundleRequest, ideaId, UndoBundleRequest } from './idea-requests';

/** Bundles are ideas; these routes merge ideas into one and undo a merge. */
@CommandController('bundles', 'idea commands', 'bundle')
export class BundlesController {
  constructor(
    private readonly bundles: Bundles,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @IdeaCommand('', 201, BundleRequest, COORDINATORS, {
    summary: 'Merge ideas into a bundle',
    description:
      'The bundle is an idea of its own; the merged ideas stay readable as "gebündelt", their authors become co-authors and their endorsements count for the bundle.',
  })
  async form(
    @ValidBody(BundleRequest) body: z.output<typeof BundleRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    const { sourceIds, reason, ...content } = body;
    const response = await this.responses.run(
      'FormBundle',
      caller,
      () => this.bundles.form({ content, sourceIds, reason }, { ...caller.command(), reason }),
      'ideaId',
    );
    caller.setHeader('Location', `/ideas/${response.ideaId}`);
    return response;
  }

  @IdeaCommand(':id/undo', 200, UndoBundleRequest, COORDINATORS, {
    summary: 'Undo a merge',
    description: 'The bundle is dissolved and stays readable; the merged ideas are open again.',
  })
  @ApiPathParam('id', ideaId, 'The bundle (an idea id)')
  undo(
    @ValidParam('id', ideaId) id: string,
    @ValidBody(UndoBundleRequest) body: z.output<typeof UndoBundleRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<IdeaResponse> {
    return this.responses.run(
      'UndoBundle',
      caller,
      () => this.bundles.undo(id, body.reason, caller.command()),
      'ideaId',
    );
  }
}
