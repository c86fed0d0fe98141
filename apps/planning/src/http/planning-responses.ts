import { HistoryEntryResult, pageOf } from '@bildungsregion/http';
import { z } from 'zod';
import { CONTACT_ROLES } from '../domain/contact';
import { MEMBER_ROLES, NETWORK_KINDS } from '../domain/network';
import { ORGANISATION_TYPES } from '../domain/organisation';

/** What the planning routes answer, for the OpenAPI document; fields beyond these may be added later. */

const timestamp = z.string().describe('ISO 8601 timestamp');
const address = z.object({ street: z.string(), postalCode: z.string(), town: z.string() });

export const OrganisationSummaryResult = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  regionKey: z.string(),
  address: address.optional(),
  status: z.enum(['active', 'retired']),
  registeredAt: timestamp,
  updatedAt: timestamp,
});

export const OrganisationPageResult = pageOf(OrganisationSummaryResult);

export const OrganisationResult = OrganisationSummaryResult.extend({
  networks: z.array(
    z.object({ networkId: z.string(), name: z.string(), kind: z.enum(NETWORK_KINDS), role: z.enum(MEMBER_ROLES) }),
  ),
});

const network = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(NETWORK_KINDS),
  purpose: z.string(),
  status: z.enum(['active', 'dissolved']),
  updatedAt: timestamp,
};
const member = { actorId: z.string(), role: z.enum(MEMBER_ROLES) };

export const NetworkPageResult = pageOf(z.looseObject({ ...network, members: z.array(z.object(member)) }));

export const NetworkResult = z.looseObject({
  ...network,
  members: z.array(z.object({ ...member, name: z.string().nullable() })),
});

const personal = z.union([
  z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() }),
  z.object({ erased: z.literal(true), erasedAt: timestamp.optional() }),
]);

export const ContactResult = z.object({
  contactId: z.string(),
  actorId: z.string(),
  role: z.enum(CONTACT_ROLES),
  status: z.enum(['active', 'left', 'erased']),
  personal: personal.describe('The personal data, or that it was erased (the key is destroyed).'),
  updatedAt: z.string(),
});

export const ContactListResult = z.object({ items: z.array(ContactResult) });

export const DataExportResult = z.object({
  subject: z.object({ contactId: z.string(), kind: z.literal('contact-person') }),
  generatedAt: timestamp,
  controller: z.string(),
  purpose: z.string(),
  contact: ContactResult,
  history: z.array(HistoryEntryResult),
  whereItIsKept: z.array(z.string()),
});
