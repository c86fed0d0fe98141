import { NotFoundError } from '@bildungsregion/application';
import { Page } from '@bildungsregion/event-store';
import { containsAllWords, ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { MemberRole, NetworkKind } from '../../domain/network';
import { OrganisationType } from '../../domain/organisation';
import { NetworkSummary, networkSummaryProjection } from './network-summary.projection';
import { OrganisationSummary, organisationSummaryProjection } from './organisation-summary.projection';

interface Paging {
  readonly offset: number;
  readonly limit: number;
}

/** An organisation with the networks it belongs to and its role in each. */
export interface OrganisationView extends OrganisationSummary {
  readonly networks: readonly { networkId: string; name: string; kind: NetworkKind; role: MemberRole }[];
}

/** A network with its members' names. */
export interface NetworkView extends NetworkSummary {
  readonly members: readonly { actorId: string; role: MemberRole; name: string | null }[];
}

/** The actors directory: organisations and networks, from their read models. */
export class DirectoryQueries {
  private readonly organisations: ReadModelCollection<OrganisationSummary>;
  private readonly networks: ReadModelCollection<NetworkSummary>;

  constructor(readModels: ReadModelStore) {
    this.organisations = readModels.collection<OrganisationSummary>(organisationSummaryProjection.collection);
    this.networks = readModels.collection<NetworkSummary>(networkSummaryProjection.collection);
  }

  async listOrganisations(
    query: Paging & {
      readonly q?: string;
      readonly type?: OrganisationType;
      readonly regionKey?: string;
      readonly status?: 'active' | 'retired';
    },
  ): Promise<Page<OrganisationSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.type) filter['type'] = query.type;
    if (query.regionKey) filter['regionKey'] = query.regionKey;
    if (query.status) filter['status'] = query.status;
    if (query.q) filter['$and'] = containsAllWords('name', query.q);
    const [items, total] = await Promise.all([
      this.organisations.find({ filter, sort: { name: 1 }, skip: query.offset, limit: query.limit }),
      this.organisations.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }

  async organisation(actorId: string): Promise<OrganisationView> {
    const [summary] = await this.organisations.find({ filter: { id: actorId }, limit: 1 });
    if (!summary) throw new NotFoundError(`There is no organisation ${actorId} in the directory.`);
    const networks = await this.networks.find({ filter: { memberIds: actorId }, sort: { name: 1 }, limit: 200 });
    return {
      ...summary,
      networks: networks.map((network) => ({
        networkId: network.id,
        name: network.name,
        kind: network.kind,
        role: network.members.find((member) => member.actorId === actorId)?.role ?? 'mitglied',
      })),
    };
  }

  async listNetworks(
    query: Paging & { readonly q?: string; readonly status?: 'active' | 'dissolved'; readonly member?: string },
  ): Promise<Page<NetworkSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.status) filter['status'] = query.status;
    if (query.member) filter['memberIds'] = query.member;
    if (query.q) filter['$and'] = containsAllWords('name', query.q);
    const [items, total] = await Promise.all([
      this.networks.find({ filter, sort: { name: 1 }, skip: query.offset, limit: query.limit }),
      this.networks.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }

  async network(networkId: string): Promise<NetworkView> {
    const [summary] = await this.networks.find({ filter: { id: networkId }, limit: 1 });
    if (!summary) throw new NotFoundError(`There is no network ${networkId}.`);
    const organisations = await this.organisations.find({
      filter: { id: { $in: [...summary.memberIds] } },
      limit: summary.memberIds.length || 1,
    });
    const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
    return {
      ...summary,
      members: [...summary.members]
        .map((member) => ({ ...member, name: names.get(member.actorId) ?? null }))
        .sort((a, b) => (a.name ?? a.actorId).localeCompare(b.name ?? b.actorId, 'de')),
    };
  }
}
