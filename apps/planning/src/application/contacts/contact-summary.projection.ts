import { ProjectedDocument, Projection } from '@bildungsregion/read-models';
import { ContactEvent, ContactRole, SealedData } from '../../domain/contact';
import { CONTACTS } from '../streams';

/**
 * One contact person. The read model keeps the personal data sealed as the event store does, so an
 * erasure needs no clean-up here beyond dropping the ciphertext; queries open it with the person's key.
 */
export interface ContactSummary extends ProjectedDocument {
  readonly actorId: string;
  readonly role: ContactRole;
  readonly status: 'active' | 'left' | 'erased';
  readonly personal?: SealedData;
  readonly updatedAt: string;
}

export const contactSummaryProjection: Projection<ContactSummary> = {
  name: 'planning.contact-summaries',
  collection: 'contact_summaries',
  filter: { categories: [CONTACTS.name] },
  indexes: [{ fields: { actorId: 1 } }],
  documentIds: (event) => [CONTACTS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const event = { type: recorded.type, data: recorded.data } as ContactEvent;
    const updatedAt = recorded.recordedAt;
    switch (event.type) {
      case 'ContactAdded':
        return {
          id,
          actorId: event.data.actorId,
          role: event.data.role,
          status: 'active',
          personal: event.data.personal,
          updatedAt,
        };
      case 'ContactRoleChanged':
        return current && { ...current, role: event.data.role, updatedAt };
      case 'ContactDetailsChanged':
        return current && { ...current, personal: event.data.personal, updatedAt };
      case 'ContactLeft':
        return current && { ...current, status: 'left', updatedAt };
      case 'ContactErased': {
        if (!current) return current;
        const { personal: _unreadable, ...rest } = current;
        return { ...rest, status: 'erased', updatedAt };
      }
    }
  },
};
