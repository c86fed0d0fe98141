import {
  Aggregates,
  CommandOutcome,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
  ServiceActor,
} from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import { DataOf, IdeaPromoted, IntegrationEvent } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { InstitutionProfile } from '../../domain/institution';
import {
  EffectInstitution,
  Measure,
  MeasureApproval,
  MeasureCommand,
  MeasureEvent,
  MeasureTerms,
} from '../../domain/measure';
import { measureDecider } from '../../domain/measure.decider';
import { InstitutionCommands } from '../inventory/institution-commands';
import { MEASURES, SERVICE_NAME } from '../streams';

type Reasoned = CommandRequest & { readonly reason: string };

/** The actor recorded on measures drafted from ideas; the coordinator who promoted the idea is in the idea's history. */
export const IDEAS_CONSUMER: ServiceActor = { id: 'planning.ideas-consumer', role: 'service' };

/** The measure a promotion drafts: the same id however often the promotion is delivered. */
export const measureIdForPromotion = (promotionId: string): string => eventIdFor('measure-from-idea', promotionId);

export type PromotionOutcome = 'drafted' | 'already-drafted' | 'not-for-planning';

/** Measures (Maßnahmen): planned, revised, approved, implemented or dropped, by coordinators. */
export class MeasureCommands {
  readonly measures: Aggregates<MeasureCommand, Measure, MeasureEvent>;

  constructor(
    store: EventStore,
    private readonly district: District,
    private readonly institutions: InstitutionCommands,
  ) {
    this.measures = new Aggregates({
      store,
      decider: measureDecider(district),
      category: MEASURES,
      source: SERVICE_NAME,
      noun: 'measure',
    });
  }

  async plan(terms: MeasureTerms, request: CommandRequest): Promise<CommandOutcome> {
    const measureId = newIdFor(request, 'measure');
    const institution = await this.institutionOf(terms);
    return this.measures.execute(
      measureId,
      { type: 'PlanMeasure', measureId, terms, ...(institution ? { institution } : {}) },
      request,
      { creates: { code: 'measure-exists', message: `A measure with the id ${measureId} exists already.` } },
    );
  }

  async revise(measureId: string, terms: MeasureTerms, request: Reasoned): Promise<CommandOutcome> {
    const institution = await this.institutionOf(terms);
    return this.measures.execute(
      measureId,
      { type: 'ReviseMeasure', terms, reason: request.reason, ...(institution ? { institution } : {}) },
      request,
    );
  }

  approve(measureId: string, approval: MeasureApproval, request: CommandRequest): Promise<CommandOutcome> {
    return this.measures.execute(measureId, { type: 'ApproveMeasure', approval }, request);
  }

  implement(measureId: string, implementedOn: string, request: CommandRequest): Promise<CommandOutcome> {
    return this.measures.execute(measureId, { type: 'ImplementMeasure', implementedOn }, request);
  }

  drop(measureId: string, request: Reasoned): Promise<CommandOutcome> {
    return this.measures.execute(measureId, { type: 'DropMeasure', reason: request.reason }, request);
  }

  /**
   * An idea promoted to a measure becomes a planned measure with the idea's title and description,
   * for its one municipality or else the district, exactly once; a coordinator adds effect and cost.
   */
  async ideaPromoted(event: IntegrationEvent<DataOf<typeof IdeaPromoted>>): Promise<PromotionOutcome> {
    const { data } = event;
    if (data.target !== 'measure') return 'not-for-planning';
    const measureId = measureIdForPromotion(data.promotionId);
    const [only] = data.regionKeys;
    const regionKey =
      data.regionKeys.length === 1 && only && this.district.regionOf(only) ? only : this.district.region.key;
    try {
      await this.measures.execute(
        measureId,
        {
          type: 'PlanMeasure',
          measureId,
          terms: { title: data.title, description: data.description, regionKey, goalIds: [] },
          origin: { ideaId: data.ideaId, promotionId: data.promotionId },
        },
        { principal: IDEAS_CONSUMER, correlationId: event.correlationId, causationId: event.id },
        { creates: { code: 'measure-exists', message: `The measure ${measureId} was drafted already.` } },
      );
      return 'drafted';
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'measure-exists') return 'already-drafted';
      throw error;
    }
  }

  /** The institution the effect names, read from its stream so a measure never counts on a stale copy. */
  private async institutionOf(terms: MeasureTerms): Promise<EffectInstitution | undefined> {
    if (!terms.effect) return undefined;
    const { institutionId } = terms.effect;
    const { state } = await this.institutions.institutions.current(institutionId);
    if (state.status === 'none') return undefined;
    const { type, regionKey } = state.profile as InstitutionProfile;
    return { institutionId, type, regionKey, ...(state.closedFrom ? { closedFrom: state.closedFrom } : {}) };
  }
}
