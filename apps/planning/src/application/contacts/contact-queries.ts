import {
  ErasedPersonalData,
  HistoryEntry,
  PersonalDataVault,
  SealedPersonalData,
  StoreVerification,
  StreamVerification,
} from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { ContactRole } from '../../domain/contact';
import { ContactCommands, PersonalData } from './contact-commands';
import { ContactSummary, contactSummaryProjection } from './contact-summary.projection';

/** A contact person as the API shows them: the personal data opened, or marked erased. */
export interface ContactView {
  readonly contactId: string;
  readonly actorId: string;
  readonly role: ContactRole;
  readonly status: 'active' | 'left' | 'erased';
  readonly personal: PersonalData | ErasedPersonalData;
  readonly updatedAt: string;
}

/** Everything held on one person (Art. 15 DSGVO), as one JSON document. */
export interface DataExport {
  readonly subject: { readonly contactId: string; readonly kind: 'contact-person' };
  readonly generatedAt: string;
  readonly controller: string;
  readonly purpose: string;
  readonly contact: ContactView;
  /** Every recorded change, with who recorded it and why; personal data opened or marked erased. */
  readonly history: readonly HistoryEntry[];
  readonly whereItIsKept: readonly string[];
}

const PURPOSE =
  'Kontaktdaten von Ansprechpersonen der Bildungspartner zur Organisation der Zusammenarbeit im Bildungsmanagement.';

/** Contacts from their read model and their streams, opened with each person's key. */
export class ContactQueries {
  private readonly summaries: ReadModelCollection<ContactSummary>;

  constructor(
    readModels: ReadModelStore,
    private readonly commands: ContactCommands,
    private readonly vault: PersonalDataVault,
    private readonly controller: string,
  ) {
    this.summaries = readModels.collection<ContactSummary>(contactSummaryProjection.collection);
  }

  async ofOrganisation(actorId: string): Promise<ContactView[]> {
    const summaries = await this.summaries.find({ filter: { actorId }, sort: { updatedAt: 1 }, limit: 500 });
    return summaries.map((summary) => this.view(summary));
  }

  async contact(contactId: string): Promise<ContactView> {
    const { state } = await this.commands.contacts.load(contactId);
    const [summary] = await this.summaries.find({ filter: { id: contactId }, limit: 1 });
    return this.view({
      id: contactId,
      actorId: state.actorId,
      role: state.role,
      status: state.status === 'none' ? 'active' : state.status,
      ...(state.personal ? { personal: state.personal as SealedPersonalData } : {}),
      updatedAt: summary?.updatedAt ?? '',
      projectedPosition: 0,
    });
  }

  /** The history as auditors read it: the hashes cover the ciphertext, the entries show it opened. */
  async history(contactId: string, page: { readonly offset: number; readonly limit: number }) {
    const history = await this.commands.contacts.history(contactId, page);
    return { ...history, items: history.items.map((entry) => this.opened(contactId, entry)) };
  }

  verify(contactId: string): Promise<StreamVerification> {
    return this.commands.contacts.verify(contactId);
  }

  verifyAll(): Promise<StoreVerification> {
    return this.commands.contacts.verifyAll();
  }

  async dataExport(contactId: string): Promise<DataExport> {
    const contact = await this.contact(contactId);
    const entries: HistoryEntry[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = await this.history(contactId, { offset, limit: 500 });
      entries.push(...page.items);
      if (entries.length >= page.total || page.items.length === 0) break;
    }
    return {
      subject: { contactId, kind: 'contact-person' },
      generatedAt: new Date().toISOString(),
      controller: this.controller,
      purpose: PURPOSE,
      contact,
      history: entries,
      whereItIsKept: [
        'Ereignisspeicher des Planungsdienstes: verschlüsselt mit einem Schlüssel nur dieser Person',
        'Lesemodell der Ansprechpersonen: verschlüsselt wie im Ereignisspeicher',
        'Schlüsselablage des Planungsdienstes: der Schlüssel dieser Person, bis zur Löschung',
        'Nicht im Nachrichtenbus und nicht bei anderen Diensten',
      ],
    };
  }

  private view(summary: ContactSummary): ContactView {
    return {
      contactId: summary.id,
      actorId: summary.actorId,
      role: summary.role,
      status: summary.status,
      personal:
        summary.personal && summary.status !== 'erased'
          ? this.vault.open<PersonalData>(summary.id, summary.personal as SealedPersonalData)
          : this.vault.erased(summary.id),
      updatedAt: summary.updatedAt,
    };
  }

  private opened(contactId: string, entry: HistoryEntry): HistoryEntry {
    const data = entry.data as { personal?: SealedPersonalData };
    if (!data.personal) return entry;
    return { ...entry, data: { ...data, personal: this.vault.open<PersonalData>(contactId, data.personal) } };
  }
}
