import { ActorRegistered, ActorRenamed, ActorRetired } from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { NetworkEvent } from '../domain/network';
import { OrganisationEvent } from '../domain/organisation';
import { NETWORKS, ORGANISATIONS } from './streams';

/**
 * The explicit, versioned mapping from planning's internal events to the integration events other
 * services may rely on: the directory's names. Contacts (personal data) and memberships stay inside.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  if (event.streamId.startsWith(`${NETWORKS.name}-`)) return networkToPublicEvent(event);
  if (!event.streamId.startsWith(`${ORGANISATIONS.name}-`)) return null;
  const actorId = ORGANISATIONS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as OrganisationEvent;
  switch (domainEvent.type) {
    case 'OrganisationRegistered': {
      const { name, type, regionKey } = domainEvent.data.profile;
      return { type: ActorRegistered.type, data: { actorId, name, kind: 'organisation', type, regionKey } };
    }
    case 'OrganisationRenamed':
      return { type: ActorRenamed.type, data: { actorId, name: domainEvent.data.name } };
    case 'OrganisationRetired':
      return { type: ActorRetired.type, data: { actorId } };
    default:
      return null;
  }
}

function networkToPublicEvent(event: RecordedEvent): PublicEvent | null {
  const actorId = NETWORKS.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as NetworkEvent;
  switch (domainEvent.type) {
    case 'NetworkFormed':
      return {
        type: ActorRegistered.type,
        data: { actorId, name: domainEvent.data.name, kind: 'network', type: domainEvent.data.kind },
      };
    case 'NetworkRenamed':
      return { type: ActorRenamed.type, data: { actorId, name: domainEvent.data.name } };
    case 'NetworkDissolved':
      return { type: ActorRetired.type, data: { actorId } };
    default:
      return null;
  }
}
