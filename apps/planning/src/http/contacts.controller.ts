import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandOutcome } from '@bildungsregion/application';
import {
  ApiPathParam,
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
} from '@bildungsregion/http';
import { z } from 'zod';
import { ContactCommands } from '../application/contacts/contact-commands';
import { ContactQueries, ContactView, DataExport } from '../application/contacts/contact-queries';
import { DirectoryQueries } from '../application/directory/directory.queries';
import {
  actorId,
  AddContactRequest,
  ChangeContactRequest,
  contactId,
  ErasureRequest,
  ReasonRequest,
} from './planning-requests';
import { ContactListResult, ContactResult, DataExportResult } from './planning-responses';

const MAINTAINERS = ['coordinator', 'admin'] as const;
/** Actors keep their own organisation's contacts; the use case refuses another's. */
const MAINTAINERS_AND_ACTORS = ['coordinator', 'admin', 'actor'] as const;
const READERS = ['coordinator', 'auditor', 'admin', 'actor'] as const;
const ACTOR_ID = ApiPathParam('id', actorId, 'The actor id');
const CONTACT_ID = ApiPathParam('id', contactId, 'The contact id');

/** A command's answer names the contact and never repeats personal data, so no kept answer holds any. */
type ContactResponse = CommandResponse & { contactId: string };

@CommandController('', 'contact persons', 'contact')
export class ContactCommandsController {
  constructor(
    private readonly contacts: ContactCommands,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('actors/:id/contacts', 201, AddContactRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Add a contact person to an organisation',
    description: 'Name, e-mail and phone are stored encrypted with a key of this person alone.',
  })
  @ACTOR_ID
  async add(
    @ValidParam('id', actorId) id: string,
    @ValidBody(AddContactRequest) body: z.output<typeof AddContactRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactResponse> {
    const response = await this.run('AddContact', caller, () =>
      this.contacts.add(id, body.role, body.personal, caller.command()),
    );
    caller.setHeader('Location', `/contacts/${response.contactId}`);
    return response;
  }

  @CommandRoute('contacts/:id/changes', 200, ChangeContactRequest, MAINTAINERS_AND_ACTORS, {
    summary: "Change a contact's role or personal data",
  })
  @CONTACT_ID
  change(
    @ValidParam('id', contactId) id: string,
    @ValidBody(ChangeContactRequest) body: z.output<typeof ChangeContactRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactResponse> {
    const changes = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    return this.run('ChangeContact', caller, () => this.contacts.change(id, changes, caller.command()));
  }

  @CommandRoute('contacts/:id/departure', 200, ReasonRequest, MAINTAINERS_AND_ACTORS, {
    summary: 'Record that a contact person left the organisation',
    description: 'Their data stays until an erasure request.',
  })
  @CONTACT_ID
  recordLeft(
    @ValidParam('id', contactId) id: string,
    @ValidBody(ReasonRequest) body: z.output<typeof ReasonRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactResponse> {
    return this.run('RecordContactLeft', caller, () =>
      this.contacts.recordLeft(id, { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute('contacts/:id/erasure', 200, ErasureRequest, MAINTAINERS, {
    summary: 'Erase a contact person (Art. 17 DSGVO)',
    description:
      "Destroys the person's key: name, e-mail and phone can never be read again, in the history and exports too; the hash chain still verifies. Repeating it is harmless.",
  })
  @CONTACT_ID
  erase(
    @ValidParam('id', contactId) id: string,
    @ValidBody(ErasureRequest) body: z.output<typeof ErasureRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactResponse> {
    return this.run('EraseContact', caller, () =>
      this.contacts.erase(id, {
        ...caller.command(body),
        reason: body.reason,
        ...(body.reference ? { reference: body.reference } : {}),
      }),
    );
  }

  private run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>) {
    return this.responses.run(command, caller, execute, 'contactId');
  }
}

@ApiTags('contact persons')
@Controller()
export class ContactQueriesController {
  constructor(
    private readonly contacts: ContactQueries,
    private readonly directory: DirectoryQueries,
  ) {}

  @Get('actors/:id/contacts')
  @Roles(...READERS)
  @ApiOperation({ summary: "An organisation's contact persons", description: 'Erased persons show as erased.' })
  @ACTOR_ID
  @ApiResult(ContactListResult)
  async ofOrganisation(@ValidParam('id', actorId) id: string): Promise<{ items: ContactView[] }> {
    await this.directory.organisation(id);
    return { items: await this.contacts.ofOrganisation(id) };
  }

  @Get('contacts/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A contact person' })
  @CONTACT_ID
  @ApiResult(ContactResult)
  contact(@ValidParam('id', contactId) id: string): Promise<ContactView> {
    return this.contacts.contact(id);
  }

  @Get('contacts/:id/data-export')
  @Roles(...MAINTAINERS)
  @ApiOperation({
    summary: 'Everything held on a contact person (Art. 15 DSGVO)',
    description:
      'The person, every recorded change with who and why, and where the data is kept; as one JSON document.',
  })
  @CONTACT_ID
  @ApiResult(DataExportResult)
  dataExport(@ValidParam('id', contactId) id: string): Promise<DataExport> {
    return this.contacts.dataExport(id);
  }
}
