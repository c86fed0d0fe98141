import { Aggregates, CommandOutcome, CommandRequest, newIdFor } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { Offering, OfferingChanges, OfferingCommand, OfferingEvent, OfferingProfile } from '../../domain/offering';
import { offeringDecider } from '../../domain/offering.decider';
import { assertMaintains } from '../access';
import { OrganisationCommands } from '../organisation-commands';
import { OFFERINGS, SERVICE_NAME } from '../streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** Offerings (Angebote): courses and programmes with their provider. */
export class OfferingCommands {
  readonly offerings: Aggregates<OfferingCommand, Offering, OfferingEvent>;

  constructor(
    store: EventStore,
    district: District,
    private readonly organisations: OrganisationCommands,
  ) {
    this.offerings = new Aggregates({
      store,
      decider: offeringDecider(district),
      category: OFFERINGS,
      source: SERVICE_NAME,
      noun: 'offering',
    });
  }

  async register(profile: OfferingProfile, request: CommandRequest): Promise<CommandOutcome> {
    assertMaintains(request, profile.providerId);
    await this.organisations.requireActive(profile.providerId);
    const offeringId = newIdFor(request, 'offering');
    return this.offerings.execute(offeringId, { type: 'RegisterOffering', offeringId, profile }, request, {
      creates: { code: 'offering-exists', message: `An offering with the id ${offeringId} exists already.` },
    });
  }

  async change(offeringId: string, changes: OfferingChanges, request: Reasoned): Promise<CommandOutcome> {
    await this.provided(offeringId, request);
    return this.offerings.execute(offeringId, { type: 'ChangeOffering', changes, reason: request.reason }, request);
  }

  async end(offeringId: string, request: Reasoned): Promise<CommandOutcome> {
    await this.provided(offeringId, request);
    return this.offerings.execute(offeringId, { type: 'EndOffering', reason: request.reason }, request);
  }

  private async provided(offeringId: string, request: CommandRequest): Promise<void> {
    if (request.principal.role !== 'actor') return;
    const { state } = await this.offerings.load(offeringId);
    assertMaintains(request, (state.profile as OfferingProfile).providerId);
  }
}
