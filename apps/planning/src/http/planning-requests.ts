import { regionKey } from '@bildungsregion/contracts';
import { queryWholeNumber, requestText } from '@bildungsregion/http';
import { z } from 'zod';
import { CONTACT_ROLES } from '../domain/contact';
import { MEMBER_ROLES, NETWORK_KINDS } from '../domain/network';
import { ORGANISATION_TYPES } from '../domain/organisation';

/** Request shapes. Unknown fields are refused, so a typo never silently drops data. */

const text = requestText;
export const actorId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be an actor id of lower-case letters, digits and dashes')
  .max(100, 'must be at most 100 characters');
export const contactId = z.uuid('must be a contact id (UUID)');

const name = text(200);
const reason = text(2_000).describe('Why, in a sentence; kept in the history. Name no person here.');
const address = z.strictObject({
  street: text(200),
  postalCode: z.string().regex(/^\d{5}$/, 'must be a German postal code of five digits'),
  town: text(100),
});
const paging = {
  offset: queryWholeNumber(0, 10_000_000).default(0),
  limit: queryWholeNumber(1, 200).default(50),
};
const search = z.string().trim().max(200).optional().describe('Words that must all occur in the name.');

export const RegisterOrganisationRequest = z.strictObject({
  id: actorId.describe('The id goals and ideas name the organisation by, e.g. vhs-osnabruecker-land.'),
  name,
  type: z.enum(ORGANISATION_TYPES),
  regionKey: regionKey.describe('The municipality (AGS) it sits in, or the district for county-wide bodies.'),
  address: address.optional(),
});
export const RenameRequest = z.strictObject({ name, reason });
export const OrganisationDetailsRequest = z
  .strictObject({
    type: z.enum(ORGANISATION_TYPES).optional(),
    regionKey: regionKey.optional(),
    address: address.optional(),
  })
  .refine((changes) => Object.keys(changes).length > 0, 'change at least one of type, regionKey, address');
export const ReasonRequest = z.strictObject({ reason });
export const OrganisationListQuery = z.strictObject({
  q: search,
  type: z.enum(ORGANISATION_TYPES).optional(),
  regionKey: regionKey.optional(),
  status: z.enum(['active', 'retired']).optional(),
  ...paging,
});

export const FormNetworkRequest = z.strictObject({
  id: actorId.describe('The id goals can name the network or body by as a party.'),
  name,
  kind: z.enum(NETWORK_KINDS),
  purpose: text(2_000),
});
export const MemberRequest = z.strictObject({
  actorId: actorId.describe('A registered organisation; admitting a member again changes its role.'),
  role: z.enum(MEMBER_ROLES),
});
export const NetworkListQuery = z.strictObject({
  q: search,
  status: z.enum(['active', 'dissolved']).optional(),
  member: actorId.optional().describe('Only networks this organisation belongs to.'),
  ...paging,
});

const personal = z
  .strictObject({
    name: text(200),
    email: z.email('must be an e-mail address').max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()/-]{2,38}$/, 'must be a phone number of digits, spaces and ( ) / -')
      .optional(),
  })
  .describe('Personal data: stored only encrypted with a key of this person, erased by destroying the key.');
export const AddContactRequest = z.strictObject({ role: z.enum(CONTACT_ROLES), personal });
export const ChangeContactRequest = z
  .strictObject({ role: z.enum(CONTACT_ROLES).optional(), personal: personal.optional() })
  .refine((changes) => Object.keys(changes).length > 0, 'change the role, the personal data or both');
export const ErasureRequest = z.strictObject({
  reason,
  reference: text(100).optional().describe("The office's file number of the request."),
});
