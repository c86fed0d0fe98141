import {
  ActorRegistered,
  ActorRenamed,
  ActorRetired,
  GapClosed,
  GapIdentified,
  MeasureApproved,
  MeasureDropped,
  MeasureImplemented,
  MeasurePlanned,
  MeasureRevised,
} from '@bildungsregion/contracts';
import { PublicEvent } from '@bildungsregion/bus';
import { RecordedEvent } from '@bildungsregion/event-store';
import { GapEvent } from '../domain/gap';
import { MeasureEvent, MeasureTerms } from '../domain/measure';
import { NetworkEvent } from '../domain/network';
import { OrganisationEvent } from '../domain/organisation';
import { GAPS, MEASURES, NETWORKS, ORGANISATIONS } from './streams';

/** The stream categories whose events may become public. */
export const PUBLISHED_CATEGORIES = [ORGANISATIONS.name, NETWORKS.name, MEASURES.name, GAPS.name];

/**
 * The explicit, versioned mapping from planning's internal events to the integration events other
 * services may rely on: the directory's names, measures and gaps. Contacts (personal data),
 * memberships, costs and descriptions stay inside.
 */
export function toPublicEvent(event: RecordedEvent): PublicEvent | null {
  if (event.streamId.startsWith(`${NETWORKS.name}-`)) return networkToPublicEvent(event);
  if (event.streamId.startsWith(`${MEASURES.name}-`)) return measureToPublicEvent(event);
  if (event.streamId.startsWith(`${GAPS.name}-`)) return gapToPublicEvent(event);
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

function outlineOf(measureId: string, terms: MeasureTerms) {
  const { title, regionKey, goalIds, effect } = terms;
  return { measureId, title, regionKey, goalIds: [...goalIds], ...(effect ? { effect } : {}) };
}

function measureToPublicEvent(event: RecordedEvent): PublicEvent | null {
  const measureId = MEASURES.idOf(event.streamId);
  const domainEvent = { type: event.type, data: event.data } as MeasureEvent;
  switch (domainEvent.type) {
    case 'MeasurePlanned': {
      const { terms, origin } = domainEvent.data;
      return { type: MeasurePlanned.type, data: { ...outlineOf(measureId, terms), ...(origin ? { origin } : {}) } };
    }
    case 'MeasureRevised':
      return { type: MeasureRevised.type, data: outlineOf(measureId, domainEvent.data.terms) };
    case 'MeasureApproved':
      return { type: MeasureApproved.type, data: { measureId, ...domainEvent.data } };
    case 'MeasureImplemented':
      return { type: MeasureImplemented.type, data: { measureId, ...domainEvent.data } };
    case 'MeasureDropped':
      return { type: MeasureDropped.type, data: { measureId, reason: domainEvent.data.reason } };
  }
}

function gapToPublicEvent(event: RecordedEvent): PublicEvent {
  const { type, data } = { type: event.type, data: event.data } as GapEvent;
  const { scenarioVersion, ...figures } = data;
  return { type: type === 'GapIdentified' ? GapIdentified.type : GapClosed.type, data: figures };
}
