import { Aggregates, CommandOutcome, CommandRequest } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { MemberRole, Network, NetworkCommand, NetworkEvent, NetworkKind } from '../domain/network';
import { networkDecider } from '../domain/network.decider';
import { assertNoOther, OrganisationCommands } from './organisation-commands';
import { NETWORKS, ORGANISATIONS, SERVICE_NAME } from './streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** Networks and bodies and their members; coordinators and admins keep them. */
export class NetworkCommands {
  readonly networks: Aggregates<NetworkCommand, Network, NetworkEvent>;

  constructor(
    private readonly store: EventStore,
    private readonly organisations: OrganisationCommands,
  ) {
    this.networks = new Aggregates({
      store,
      decider: networkDecider,
      category: NETWORKS,
      source: SERVICE_NAME,
      noun: 'network',
    });
  }

  async form(
    networkId: string,
    terms: { readonly name: string; readonly kind: NetworkKind; readonly purpose: string },
    request: CommandRequest,
  ): Promise<CommandOutcome> {
    await assertNoOther(this.store, ORGANISATIONS, networkId);
    return this.networks.execute(networkId, { type: 'FormNetwork', networkId, ...terms }, request, {
      creates: { code: 'network-exists', message: `A network with the id ${networkId} exists already.` },
    });
  }

  rename(networkId: string, name: string, request: Reasoned): Promise<CommandOutcome> {
    return this.networks.execute(networkId, { type: 'RenameNetwork', name, reason: request.reason }, request);
  }

  /** Admits a registered, active organisation (or changes its role). */
  async admit(networkId: string, actorId: string, role: MemberRole, request: CommandRequest): Promise<CommandOutcome> {
    await this.organisations.requireActive(actorId);
    return this.networks.execute(networkId, { type: 'AdmitMember', actorId, role }, request);
  }

  remove(networkId: string, actorId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.networks.execute(networkId, { type: 'RemoveMember', actorId, reason: request.reason }, request);
  }

  dissolve(networkId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.networks.execute(networkId, { type: 'DissolveNetwork', reason: request.reason }, request);
  }
}
