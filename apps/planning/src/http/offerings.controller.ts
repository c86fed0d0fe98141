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
import { OfferingCommands } from '../application/inventory/offering-commands';
import { OfferingSummary } from '../application/inventory/inventory.projections';
import { InventoryQueries } from '../application/inventory/inventory.queries';
import { ChangeOfferingRequest, offeringId, OfferingListQuery, RegisterOfferingRequest } from './capacity-requests';
import { ReasonRequest } from './planning-requests';
import { OfferingPageResult, OfferingResult } from './capacity-responses';

/** Providers keep their own offerings; the use case refuses another's. */
const MAINTAINERS_AND_ACTORS = ['coordinator', 'admin', 'actor'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const OFFERING_ID = ApiPathParam('id', offeringId, 'The offering id');

type OfferingResponse = CommandResponse & { offeringId: string };

/** Offerings (Angebote): courses and programmes with provider, places, target group and period. */
@CommandController('offerings', 'offerings', 'offering')
export class OfferingCommandsController {
  constructor(
    private readonly offerings: OfferingCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, RegisterOfferingRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Register an offering',
    description: 'Its provider must be an active organisation of the actors directory.',
  })
  async register(
    @ValidBody(RegisterOfferingRequest) body: z.output<typeof RegisterOfferingRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OfferingResponse> {
    const profile = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const response = await this.run('RegisterOffering', caller, () =>
      this.offerings.register(profile as z.output<typeof RegisterOfferingRequest>, caller.command()),
    );
    caller.setHeader('Location', `/offerings/${response.offeringId}`);
    return response;
  }

  @CommandRoute(':id/changes', 200, ChangeOfferingRequest, MAINTAINERS_AND_ACTORS, { summary: 'Change an offering' })
  @OFFERING_ID
  change(
    @ValidParam('id', offeringId) id: string,
    @ValidBody(ChangeOfferingRequest) body: z.output<typeof ChangeOfferingRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OfferingResponse> {
    const { reason, ...fields } = body;
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return this.run('ChangeOffering', caller, () =>
      this.offerings.change(id, changes, { ...caller.command(body), reason }),
    );
  }

  @CommandRoute(':id/end', 200, ReasonRequest, MAINTAINERS_AND_ACTORS, { summary: 'End an offering' })
  @OFFERING_ID
  end(
    @ValidParam('id', offeringId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<OfferingResponse> {
    return this.run('EndOffering', caller, () =>
      this.offerings.end(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'offeringId');
  }
}

@ApiTags('offerings')
@Controller('offerings')
export class OfferingQueriesController {
  constructor(private readonly inventory: InventoryQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'Offerings', description: 'By municipality and title, paginated.' })
  @ApiQueryFrom(OfferingListQuery)
  @ApiResult(OfferingPageResult)
  offerings(@ValidQuery(OfferingListQuery) query: z.output<typeof OfferingListQuery>): Promise<Page<OfferingSummary>> {
    return this.inventory.offerings(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'An offering' })
  @OFFERING_ID
  @ApiResult(OfferingResult)
  offering(@ValidParam('id', offeringId) id: string): Promise<OfferingSummary> {
    return this.inventory.offering(id);
  }
}
