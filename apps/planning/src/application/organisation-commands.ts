import { Aggregates, CommandOutcome, CommandRejectedError, CommandRequest } from '@bildungsregion/application';
import { EventStore, StreamCategory } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import {
  Organisation,
  OrganisationCommand,
  OrganisationDetails,
  OrganisationEvent,
  OrganisationProfile,
} from '../domain/organisation';
import { organisationDecider } from '../domain/organisation.decider';
import { assertMaintains } from './access';
import { NETWORKS, ORGANISATIONS, SERVICE_NAME } from './streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** The organisations of the actors directory, one method per intention. */
export class OrganisationCommands {
  readonly organisations: Aggregates<OrganisationCommand, Organisation, OrganisationEvent>;

  constructor(
    private readonly store: EventStore,
    district: District,
  ) {
    this.organisations = new Aggregates({
      store,
      decider: organisationDecider(district),
      category: ORGANISATIONS,
      source: SERVICE_NAME,
      noun: 'organisation',
    });
  }

  /** Registers an organisation under the id parties and submitters use; a network's id is taken too. */
  async register(actorId: string, profile: OrganisationProfile, request: CommandRequest): Promise<CommandOutcome> {
    await assertNoOther(this.store, NETWORKS, actorId);
    return this.organisations.execute(actorId, { type: 'RegisterOrganisation', actorId, profile }, request, {
      creates: {
        code: 'organisation-exists',
        message: `An organisation with the id ${actorId} is registered already.`,
      },
    });
  }

  rename(actorId: string, name: string, request: Reasoned): Promise<CommandOutcome> {
    assertMaintains(request, actorId);
    return this.organisations.execute(actorId, { type: 'RenameOrganisation', name, reason: request.reason }, request);
  }

  changeDetails(actorId: string, changes: OrganisationDetails, request: CommandRequest): Promise<CommandOutcome> {
    assertMaintains(request, actorId);
    return this.organisations.execute(actorId, { type: 'ChangeOrganisationDetails', changes }, request);
  }

  retire(actorId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.organisations.execute(actorId, { type: 'RetireOrganisation', reason: request.reason }, request);
  }

  /** Refuses an id that names no active organisation, for commands that refer to one. */
  async requireActive(actorId: string): Promise<OrganisationProfile> {
    const { state } = await this.organisations.current(actorId);
    if (state.status === 'active') return state.profile as OrganisationProfile;
    throw new CommandRejectedError({
      kind: 'rule-violation',
      code: state.status === 'none' ? 'unknown-organisation' : 'organisation-retired',
      message:
        state.status === 'none'
          ? `There is no organisation ${actorId} in the directory; register it first.`
          : `The organisation ${actorId} is retired.`,
    });
  }
}

/** Organisations and networks share one space of actor ids, since goals and ideas name both as parties. */
export async function assertNoOther(store: EventStore, other: StreamCategory, actorId: string): Promise<void> {
  if ((await store.lastRevision(other.streamId(actorId))) === null) return;
  throw new CommandRejectedError({
    kind: 'invalid-transition',
    code: 'actor-id-taken',
    message: `The id ${actorId} is taken by ${other.name === 'network' ? 'a network' : 'an organisation'}.`,
  });
}
