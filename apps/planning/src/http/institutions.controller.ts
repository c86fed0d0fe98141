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
import { InstitutionCommands } from '../application/inventory/institution-commands';
import { InstitutionSummary } from '../application/inventory/inventory.projections';
import { InventoryQueries } from '../application/inventory/inventory.queries';
import {
  CapacityChangeRequest,
  ClosureRequest,
  institutionId,
  InstitutionListQuery,
  OccupancyRequest,
  RegisterInstitutionRequest,
} from './capacity-requests';
import { InstitutionPageResult, InstitutionResult } from './capacity-responses';

/** Operators keep their own institutions; the use case refuses another's. */
const MAINTAINERS_AND_ACTORS = ['coordinator', 'admin', 'actor'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const INSTITUTION_ID = ApiPathParam('id', institutionId, 'The institution id');

type InstitutionResponse = CommandResponse & { institutionId: string };

/** Institutions (Einrichtungen): Kitas and schools with dated capacity, and further education. */
@CommandController('institutions', 'institutions', 'institution')
export class InstitutionCommandsController {
  constructor(
    private readonly institutions: InstitutionCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, RegisterInstitutionRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Register an institution',
    description:
      'Its operator must be an active organisation of the actors directory; an actor registers only its own.',
  })
  async register(
    @ValidBody(RegisterInstitutionRequest) body: z.output<typeof RegisterInstitutionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<InstitutionResponse> {
    const response = await this.run('RegisterInstitution', caller, () =>
      this.institutions.register(body, caller.command()),
    );
    caller.setHeader('Location', `/institutions/${response.institutionId}`);
    return response;
  }

  @CommandRoute(':id/capacity-changes', 200, CapacityChangeRequest, MAINTAINERS_AND_ACTORS, {
    summary: "Change an institution's capacity as of a day",
    description: 'Approved places per age group (Kitas) or streams (schools); it holds until the next change.',
  })
  @INSTITUTION_ID
  changeCapacity(
    @ValidParam('id', institutionId) id: string,
    @ValidBody(CapacityChangeRequest) body: z.output<typeof CapacityChangeRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<InstitutionResponse> {
    const { reason, ...change } = body;
    const places = Object.fromEntries(Object.entries(change.places).filter(([, value]) => value !== undefined));
    return this.run('ChangeCapacity', caller, () =>
      this.institutions.changeCapacity(id, { ...change, places }, { ...caller.command(body), reason }),
    );
  }

  @CommandRoute(':id/occupancy', 200, OccupancyRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Report the occupied places on a reference date',
    description: 'Reporting a reference date again replaces its figures; both reports stay in the history.',
  })
  @INSTITUTION_ID
  reportOccupancy(
    @ValidParam('id', institutionId) id: string,
    @ValidBody(OccupancyRequest) body: z.output<typeof OccupancyRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<InstitutionResponse> {
    return this.run('ReportOccupancy', caller, () => this.institutions.reportOccupancy(id, body, caller.command()));
  }

  @CommandRoute(':id/closure', 200, ClosureRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Close an institution as of a day',
    description: 'Its places leave the plan from that day; its record stays.',
  })
  @INSTITUTION_ID
  close(
    @ValidParam('id', institutionId) id: string,
    @ValidBody(ClosureRequest) body: z.output<typeof ClosureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<InstitutionResponse> {
    return this.run('CloseInstitution', caller, () =>
      this.institutions.close(id, body.closedFrom, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'institutionId');
  }
}

@ApiTags('institutions')
@Controller('institutions')
export class InstitutionQueriesController {
  constructor(private readonly inventory: InventoryQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Institutions', description: 'By municipality and name, paginated.' })
  @ApiQueryFrom(InstitutionListQuery)
  @ApiResult(InstitutionPageResult)
  institutions(
    @ValidQuery(InstitutionListQuery) query: z.output<typeof InstitutionListQuery>,
  ): Promise<Page<InstitutionSummary>> {
    return this.inventory.institutions(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'An institution with its capacity changes and occupancy reports' })
  @INSTITUTION_ID
  @ApiResult(InstitutionResult)
  institution(@ValidParam('id', institutionId) id: string): Promise<InstitutionSummary> {
    return this.inventory.institution(id);
  }
}
