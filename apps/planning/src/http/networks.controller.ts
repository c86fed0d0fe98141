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
import { DirectoryQueries, NetworkView } from '../application/directory/directory.queries';
import { NetworkSummary } from '../application/directory/network-summary.projection';
import { NetworkCommands } from '../application/network-commands';
import {
  actorId,
  FormNetworkRequest,
  MemberRequest,
  NetworkListQuery,
  ReasonRequest,
  RenameRequest,
} from './planning-requests';
import { NetworkPageResult, NetworkResult } from './planning-responses';

const MAINTAINERS = ['coordinator', 'admin'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const NETWORK_ID = ApiPathParam('id', actorId, 'The network id');
const MEMBER_ID = ApiPathParam('actorId', actorId, "The member organisation's actor id");

type NetworkResponse = CommandResponse & { networkId: string };

/** Networks and bodies (Netzwerke und Gremien) with their member organisations. */
@CommandController('networks', 'networks', 'network')
export class NetworkCommandsController {
  constructor(
    private readonly networks: NetworkCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('', 201, FormNetworkRequest, MAINTAINERS, { summary: 'Form a network or body' })
  async form(
    @ValidBody(FormNetworkRequest) body: z.output<typeof FormNetworkRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkResponse> {
    const { id, ...terms } = body;
    const response = await this.run('FormNetwork', caller, () => this.networks.form(id, terms, caller.command()));
    caller.setHeader('Location', `/networks/${id}`);
    return response;
  }

  @CommandRoute(':id/renaming', 200, RenameRequest, MAINTAINERS, { summary: 'Rename a network' })
  @NETWORK_ID
  rename(
    @ValidParam('id', actorId) id: string,
    @ValidBody(RenameRequest) body: z.output<typeof RenameRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkResponse> {
    return this.run('RenameNetwork', caller, () =>
      this.networks.rename(id, body.name, { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute(':id/members', 200, MemberRequest, MAINTAINERS, {
    summary: 'Admit a member organisation, or change its role',
  })
  @NETWORK_ID
  admit(
    @ValidParam('id', actorId) id: string,
    @ValidBody(MemberRequest) body: z.output<typeof MemberRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkResponse> {
    return this.run('AdmitMember', caller, () => this.networks.admit(id, body.actorId, body.role, caller.command()));
  }

  @CommandRoute(':id/members/:actorId/removal', 200, ReasonRequest, MAINTAINERS, {
    summary: 'Record that a member left the network',
  })
  @NETWORK_ID
  @MEMBER_ID
  remove(
    @ValidParam('id', actorId) id: string,
    @ValidParam('actorId', actorId) member: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkResponse> {
    return this.run('RemoveMember', caller, () =>
      this.networks.remove(id, member, { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute(':id/dissolution', 200, ReasonRequest, MAINTAINERS, { summary: 'Dissolve a network' })
  @NETWORK_ID
  dissolve(
    @ValidParam('id', actorId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<NetworkResponse> {
    return this.run('DissolveNetwork', caller, () =>
      this.networks.dissolve(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'networkId');
  }
}

@ApiTags('networks')
@Controller('networks')
export class NetworkQueriesController {
  constructor(private readonly directory: DirectoryQueries) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Networks and bodies',
    description: 'Sorted by name; member= gives those of one organisation.',
  })
  @ApiQueryFrom(NetworkListQuery)
  @ApiResult(NetworkPageResult)
  networks(@ValidQuery(NetworkListQuery) query: z.output<typeof NetworkListQuery>): Promise<Page<NetworkSummary>> {
    return this.directory.listNetworks(query);
  }

  @Get(':id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A network with its members and their roles' })
  @NETWORK_ID
  @ApiResult(NetworkResult)
  network(@ValidParam('id', actorId) id: string): Promise<NetworkView> {
    return this.directory.network(id);
  }
}
