import { accept, Decider, Decision, invalidTransition, unknownCommand } from '@bildungsregion/decider';
import { Contact, ContactCommand, ContactEvent, initialContact } from './contact';
import { Rejected, requireReason } from './rules';

function requireKnown(contact: Contact): Rejected | undefined {
  if (contact.status === 'none') return invalidTransition('contact-not-found', 'There is no contact with this id.');
  return contact.status === 'erased'
    ? invalidTransition('contact-erased', 'The contact was erased; nothing more is recorded about this person.')
    : undefined;
}

function change(command: Extract<ContactCommand, { type: 'ChangeContact' }>, contact: Contact) {
  const rejected =
    requireKnown(contact) ??
    (contact.status === 'left'
      ? invalidTransition('contact-left', 'The person has left the organisation; add them anew if they return.')
      : undefined);
  if (rejected) return rejected;
  const events: ContactEvent[] = [];
  if (command.role && command.role !== contact.role)
    events.push({ type: 'ContactRoleChanged', data: { role: command.role, previousRole: contact.role } });
  if (command.personal) events.push({ type: 'ContactDetailsChanged', data: { personal: command.personal } });
  return accept(...events);
}

/** Erasing twice is harmless: a repeated request (or one retried after a crash) records nothing new. */
function erase(reason: string, reference: string | undefined, contact: Contact): Decision<ContactEvent> {
  if (contact.status === 'none') return invalidTransition('contact-not-found', 'There is no contact with this id.');
  if (contact.status === 'erased') return accept();
  return requireReason(reason) ?? accept({ type: 'ContactErased', data: reference ? { reference } : {} });
}

export function decideContact(command: ContactCommand, contact: Contact): Decision<ContactEvent> {
  switch (command.type) {
    case 'AddContact': {
      if (contact.status !== 'none')
        return invalidTransition('contact-exists', `A contact with the id ${command.contactId} exists already.`);
      const { type: _type, ...data } = command;
      return accept({ type: 'ContactAdded', data });
    }
    case 'ChangeContact':
      return change(command, contact);
    case 'RecordContactLeft':
      return (
        requireKnown(contact) ??
        (contact.status === 'left' ? accept() : undefined) ??
        requireReason(command.reason) ??
        accept({ type: 'ContactLeft', data: {} })
      );
    case 'EraseContact':
      return erase(command.reason, command.reference, contact);
    default:
      return unknownCommand(command);
  }
}

export function evolveContact(contact: Contact, event: ContactEvent): Contact {
  switch (event.type) {
    case 'ContactAdded':
      return { status: 'active', actorId: event.data.actorId, role: event.data.role, personal: event.data.personal };
    case 'ContactRoleChanged':
      return { ...contact, role: event.data.role };
    case 'ContactDetailsChanged':
      return { ...contact, personal: event.data.personal };
    case 'ContactLeft':
      return { ...contact, status: 'left' };
    case 'ContactErased': {
      const { personal: _unreadable, ...rest } = contact;
      return { ...rest, status: 'erased' };
    }
  }
}

export const contactDecider: Decider<ContactCommand, Contact, ContactEvent> = {
  initialState: initialContact,
  decide: decideContact,
  evolve: evolveContact,
};
