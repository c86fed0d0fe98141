import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { planningApi, ResponseJson, unwrap } from '../api/client';
import type { operations, paths } from '../api/generated/planning';

type Json<Operation extends keyof operations, Status extends number = 200> = ResponseJson<
  operations,
  Operation,
  Status
>;
type Body<Path extends keyof paths> = paths[Path] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;

export type ActorListFilters = NonNullable<
  operations['OrganisationQueriesController_organisations']['parameters']['query']
>;
export type OrganisationSummary = Json<'OrganisationQueriesController_organisations'>['items'][number];
export type OrganisationView = Json<'OrganisationQueriesController_organisation'>;
export type NetworkSummary = Json<'NetworkQueriesController_networks'>['items'][number];
export type NetworkView = Json<'NetworkQueriesController_network'>;
export type ContactView = Json<'ContactQueriesController_contact'>;
export type RegisterBody = Body<'/actors'>;
export type ContactBody = Body<'/actors/{id}/contacts'>;
export type ErasureBody = Body<'/contacts/{id}/erasure'>;
export type MemberBody = Body<'/networks/{id}/members'>;
export type OrganisationType = OrganisationSummary['type'];
export type ContactRole = ContactView['role'];
export type MemberRole = MemberBody['role'];

export const ORGANISATION_TYPES = [
  'traeger',
  'schule',
  'kita',
  'kammer',
  'agentur-fuer-arbeit',
  'vhs',
  'bildungsbuero',
  'verwaltung',
  'unternehmen',
  'verein',
] as const satisfies readonly OrganisationType[];
export const CONTACT_ROLES = [
  'leitung',
  'stellvertretende-leitung',
  'ansprechperson-bildungskoordination',
  'fachberatung',
  'geschaeftsfuehrung',
  'verwaltung',
] as const satisfies readonly ContactRole[];
export const MEMBER_ROLES = [
  'vorsitz',
  'geschaeftsstelle',
  'mitglied',
  'beratend',
] as const satisfies readonly MemberRole[];

export const actorKeys = {
  all: ['planning'] as const,
  list: (filters: ActorListFilters) => ['planning', 'actors', filters] as const,
  actor: (id: string) => ['planning', 'actor', id] as const,
  contacts: (id: string) => ['planning', 'contacts', id] as const,
  networks: (filters: object) => ['planning', 'networks', filters] as const,
  network: (id: string) => ['planning', 'network', id] as const,
};

export function useActorList(filters: ActorListFilters) {
  return useQuery({
    queryKey: actorKeys.list(filters),
    queryFn: () => unwrap(planningApi.GET('/actors', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useActor(id: string) {
  return useQuery({
    queryKey: actorKeys.actor(id),
    queryFn: () => unwrap(planningApi.GET('/actors/{id}', { params: { path: { id } } })),
  });
}

export function useContacts(id: string) {
  return useQuery({
    queryKey: actorKeys.contacts(id),
    queryFn: () => unwrap(planningApi.GET('/actors/{id}/contacts', { params: { path: { id } } })),
  });
}

export function useNetworks(filters: { q?: string; member?: string }) {
  return useQuery({
    queryKey: actorKeys.networks(filters),
    queryFn: () => unwrap(planningApi.GET('/networks', { params: { query: { ...filters, limit: 200 } } })),
  });
}

export function useNetwork(id: string) {
  return useQuery({
    queryKey: actorKeys.network(id),
    queryFn: () => unwrap(planningApi.GET('/networks/{id}', { params: { path: { id } } })),
  });
}

/** After a change the read models follow within moments; everything of planning is read again. */
export function usePlanningMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: actorKeys.all }),
  });
}

export function useRegisterOrganisation() {
  return usePlanningMutation((body: RegisterBody) => unwrap(planningApi.POST('/actors', { body })));
}

export function useAddContact(actorId: string) {
  return usePlanningMutation((body: ContactBody) =>
    unwrap(planningApi.POST('/actors/{id}/contacts', { params: { path: { id: actorId } }, body })),
  );
}

export function useEraseContact() {
  return usePlanningMutation(({ contactId, body }: { contactId: string; body: ErasureBody }) =>
    unwrap(planningApi.POST('/contacts/{id}/erasure', { params: { path: { id: contactId } }, body })),
  );
}

export function useAdmitMember(networkId: string) {
  return usePlanningMutation((body: MemberBody) =>
    unwrap(planningApi.POST('/networks/{id}/members', { params: { path: { id: networkId } }, body })),
  );
}

/** Everything held on a contact person, as the JSON file an access request is answered with. */
export async function dataExportOf(contactId: string): Promise<Blob> {
  const exported = await unwrap(planningApi.GET('/contacts/{id}/data-export', { params: { path: { id: contactId } } }));
  return new Blob([JSON.stringify(exported, null, 2)], { type: 'application/json' });
}
