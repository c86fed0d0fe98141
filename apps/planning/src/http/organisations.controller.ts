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
import { DirectoryQueries, OrganisationView } from '../application/directory/directory.queries';
import { OrganisationSummary } from '../application/directory/organisation-summary.projection';
import { OrganisationCommands } from '../application/organisation-commands';
import {
  actorId,
  OrganisationDetailsRequest,
  OrganisationListQuery,
  ReasonRequest,
  RegisterOrganisationRequest,
  RenameRequest,
} from './planning-requests';
import { OrganisationPageResult, OrganisationResult } from './planning-responses';

const MAINTAINERS = ['coordinator', 'admin'] as const;
/** Actors keep their own entry; the use case refuses another's. */
const MAINTAINERS_AND_ACTORS = ['coordinator', 'admin', 'actor'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const ACTOR_ID = ApiPathParam('id', actorId, 'The actor id');

type OrganisationResponse = CommandResponse & { actorId: string };

/** The organisations of the actors directory (Akteure). */
@CommandController('actors', 'actors', 'organisation')
export class OrganisationCommandsController {
  constructor(
    private readonly organisations: OrganisationCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, RegisterOrganisationRequest, MAINTAINERS, {
    summary: 'Register an organisation',
    description: 'Under the id goals and ideas use for it as a party or submitter.',
  })
  async register(
    @ValidBody(RegisterOrganisationRequest) body: z.output<typeof RegisterOrganisationRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationResponse> {
    const { id, ...profile } = body;
    const response = await this.run('RegisterOrganisation', caller, () =>
      this.organisations.register(id, profile, caller.command()),
    );
    caller.setHeader('Location', `/actors/${id}`);
    return response;
  }

  @CommandRoute(':id/renaming', 200, RenameRequest, MAINTAINERS_AND_ACTORS, { summary: 'Rename an organisation' })
  @ACTOR_ID
  rename(
    @ValidParam('id', actorId) id: string,
    @ValidBody(RenameRequest) body: z.output<typeof RenameRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationResponse> {
    return this.run('RenameOrganisation', caller, () =>
      this.organisations.rename(id, body.name, { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute(':id/details', 200, OrganisationDetailsRequest, MAINTAINERS_AND_ACTORS, {
    summary: "Change an organisation's type, municipality or address",
  })
  @ACTOR_ID
  changeDetails(
    @ValidParam('id', actorId) id: string,
    @ValidBody(OrganisationDetailsRequest) body: z.output<typeof OrganisationDetailsRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationResponse> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.run('ChangeOrganisationDetails', caller, () =>
      this.organisations.changeDetails(id, changes, caller.command()),
    );
  }

  @CommandRoute(':id/retirement', 200, ReasonRequest, MAINTAINERS, {
    summary: 'Retire an organisation',
    description: 'It stays in the directory, marked retired, so past goals and ideas still show its name.',
  })
  @ACTOR_ID
  retire(
    @ValidParam('id', actorId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationResponse> {
    return this.run('RetireOrganisation', caller, () =>
      this.organisations.retire(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'actorId');
  }
}

@ApiTags('actors')
@Controller('actors')
export class OrganisationQueriesController {
  constructor(private readonly directory: DirectoryQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The actors directory', description: 'Organisations sorted by name, paginated.' })
  @ApiQueryFrom(OrganisationListQuery)
  @ApiResult(OrganisationPageResult)
  organisations(
    @ValidQuery(OrganisationListQuery) query: z.output<typeof OrganisationListQuery>,
  ): Promise<Page<OrganisationSummary>> {
    return this.directory.listOrganisations(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'An organisation with the networks it belongs to' })
  @ACTOR_ID
  @ApiResult(OrganisationResult)
  organisation(@ValidParam('id', actorId) id: string): Promise<OrganisationView> {
    return this.directory.organisation(id);
  }
}
