import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { MemberRole, NetworkEvent, NetworkKind } from '../../domain/network';
import { NETWORKS } from '../streams';

/** One network or body with its members. */
export interface NetworkSummary extends ProjectedDocument {
  readonly name: string;
  readonly kind: NetworkKind;
  readonly purpose: string;
  readonly status: 'active' | 'dissolved';
  readonly members: readonly { readonly actorId: string; readonly role: MemberRole }[];
  /** The members' ids, so "the networks of an organisation" is one indexed query. */
  readonly memberIds: readonly string[];
  readonly updatedAt: string;
}

function withMembers(current: NetworkSummary, members: NetworkSummary['members'], updatedAt: string): NetworkSummary {
  return { ...current, members, memberIds: members.map((member) => member.actorId), updatedAt };
}

export const networkSummaryProjection: Projection<NetworkSummary> = {
  name: 'planning.network-summaries',
  collection: 'network_summaries',
  filter: { categories: [NETWORKS.name] },
  indexes: [{ fields: { name: 1 } }, { fields: { memberIds: 1 } }],
  documentIds: (event) => [NETWORKS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as NetworkEvent;
    const updatedAt = recorded.recordedAt;
    const others = (actorId: string) => (current?.members ?? []).filter((member) => member.actorId !== actorId);
    switch (event.type) {
      case 'NetworkFormed': {
        const { networkId: _id, ...terms } = event.data;
        return { id, ...terms, status: 'active', members: [], memberIds: [], updatedAt };
      }
      case 'NetworkRenamed':
        return current && { ...current, name: event.data.name, updatedAt };
      case 'MemberAdmitted':
      case 'MemberRoleChanged':
        return (
          current &&
          withMembers(
            current,
            [...others(event.data.actorId), { actorId: event.data.actorId, role: event.data.role }],
            updatedAt,
          )
        );
      case 'MemberLeft':
        return current && withMembers(current, others(event.data.actorId), updatedAt);
      case 'NetworkDissolved':
        return current && { ...current, status: 'dissolved', updatedAt };
    }
  },
};
