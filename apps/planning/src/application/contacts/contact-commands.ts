import {
  Aggregates,
  CommandOutcome,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore, PersonalDataVault } from '@bildungsregion/event-store';
import { Contact, ContactCommand, ContactEvent, ContactRole } from '../../domain/contact';
import { contactDecider } from '../../domain/contact.decider';
import { assertMaintains } from '../access';
import { OrganisationCommands } from '../organisation-commands';
import { CONTACTS, SERVICE_NAME } from '../streams';

/** A contact person's personal data; it reaches the store only sealed with the person's key. */
export interface PersonalData {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
}

type Reasoned = CommandRequest & { readonly reason: string };

/** Contact persons of organisations, with erasure requests (Art. 17 DSGVO) by crypto-shredding. */
export class ContactCommands {
  readonly contacts: Aggregates<ContactCommand, Contact, ContactEvent>;

  constructor(
    store: EventStore,
    private readonly organisations: OrganisationCommands,
    private readonly vault: PersonalDataVault,
  ) {
    this.contacts = new Aggregates({
      store,
      decider: contactDecider,
      category: CONTACTS,
      source: SERVICE_NAME,
      noun: 'contact',
    });
  }

  async add(actorId: string, role: ContactRole, personal: PersonalData, request: CommandRequest) {
    assertMaintains(request, actorId);
    await this.organisations.requireActive(actorId);
    const contactId = newIdFor(request, 'contact', actorId);
    const command: ContactCommand = {
      type: 'AddContact',
      contactId,
      actorId,
      role,
      personal: this.vault.seal(contactId, personal),
    };
    return this.contacts.execute(contactId, command, request, {
      creates: { code: 'contact-exists', message: `A contact with the id ${contactId} exists already.` },
    });
  }

  async change(
    contactId: string,
    changes: { readonly role?: ContactRole; readonly personal?: PersonalData },
    request: CommandRequest,
  ): Promise<CommandOutcome> {
    const { state } = await this.maintained(contactId, request);
    if (state.status === 'erased')
      throw new CommandRejectedError({
        kind: 'invalid-transition',
        code: 'contact-erased',
        message: 'The contact was erased; nothing more is recorded about this person.',
      });
    const command: ContactCommand = {
      type: 'ChangeContact',
      ...(changes.role ? { role: changes.role } : {}),
      ...(changes.personal ? { personal: this.vault.seal(contactId, changes.personal) } : {}),
    };
    return this.contacts.execute(contactId, command, request);
  }

  async recordLeft(contactId: string, request: Reasoned): Promise<CommandOutcome> {
    await this.maintained(contactId, request);
    return this.contacts.execute(contactId, { type: 'RecordContactLeft', reason: request.reason }, request);
  }

  /**
   * Destroys the person's key first, then records the erasure: if the recording fails, the data is
   * unreadable already, and repeating the request records it.
   */
  async erase(contactId: string, request: Reasoned & { readonly reference?: string }): Promise<CommandOutcome> {
    const { state } = await this.contacts.load(contactId);
    if (state.status !== 'erased' && request.reason.trim() === '')
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'reason-required',
        message: 'Give a reason; it is kept in the audit trail.',
      });
    this.vault.destroy(contactId);
    const command: ContactCommand = {
      type: 'EraseContact',
      reason: request.reason,
      ...(request.reference ? { reference: request.reference } : {}),
    };
    return this.contacts.execute(contactId, command, request);
  }

  private async maintained(contactId: string, request: CommandRequest) {
    const loaded = await this.contacts.load(contactId);
    assertMaintains(request, loaded.state.actorId);
    return loaded;
  }
}
