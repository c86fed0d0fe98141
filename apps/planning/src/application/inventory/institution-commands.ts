import { Aggregates, CommandOutcome, CommandRequest, newIdFor } from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { CapacityChange } from '../../domain/capacity';
import {
  Institution,
  InstitutionCommand,
  InstitutionEvent,
  InstitutionProfile,
  Occupancy,
} from '../../domain/institution';
import { institutionDecider } from '../../domain/institution.decider';
import { assertMaintains } from '../access';
import { OrganisationCommands } from '../organisation-commands';
import { INSTITUTIONS, SERVICE_NAME } from '../streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** Institutions (Einrichtungen) with their operator, dated capacity and occupancy. */
export class InstitutionCommands {
  readonly institutions: Aggregates<InstitutionCommand, Institution, InstitutionEvent>;

  constructor(
    store: EventStore,
    district: District,
    private readonly organisations: OrganisationCommands,
  ) {
    this.institutions = new Aggregates({
      store,
      decider: institutionDecider(district),
      category: INSTITUTIONS,
      source: SERVICE_NAME,
      noun: 'institution',
    });
  }

  /** Registers an institution run by an active organisation of the directory; an actor registers only its own. */
  async register(profile: InstitutionProfile, request: CommandRequest): Promise<CommandOutcome> {
    assertMaintains(request, profile.operatorId);
    await this.organisations.requireActive(profile.operatorId);
    const institutionId = newIdFor(request, 'institution');
    return this.institutions.execute(institutionId, { type: 'RegisterInstitution', institutionId, profile }, request, {
      creates: { code: 'institution-exists', message: `An institution with the id ${institutionId} exists already.` },
    });
  }

  async changeCapacity(institutionId: string, change: CapacityChange, request: Reasoned): Promise<CommandOutcome> {
    await this.operated(institutionId, request);
    return this.institutions.execute(
      institutionId,
      { type: 'ChangeCapacity', change, reason: request.reason },
      request,
    );
  }

  async reportOccupancy(institutionId: string, occupancy: Occupancy, request: CommandRequest): Promise<CommandOutcome> {
    await this.operated(institutionId, request);
    return this.institutions.execute(institutionId, { type: 'ReportOccupancy', occupancy }, request);
  }

  async close(institutionId: string, closedFrom: string, request: Reasoned): Promise<CommandOutcome> {
    await this.operated(institutionId, request);
    return this.institutions.execute(
      institutionId,
      { type: 'CloseInstitution', closedFrom, reason: request.reason },
      request,
    );
  }

  /** Operators keep their own institutions' figures; coordinators and admins everyone's. */
  private async operated(institutionId: string, request: CommandRequest): Promise<void> {
    if (request.principal.role !== 'actor') return;
    const { state } = await this.institutions.load(institutionId);
    assertMaintains(request, (state.profile as InstitutionProfile).operatorId);
  }
}
