import { EducationStage } from '@bildungsregion/contracts';
import { NotFoundError } from '@bildungsregion/application';
import { Page } from '@bildungsregion/event-store';
import { containsAllWords, findEvery, ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { InstitutionType } from '../../domain/institution';
import { OfferingKind } from '../../domain/offering';
import {
  InstitutionSummary,
  institutionProjection,
  OfferingSummary,
  offeringProjection,
} from './inventory.projections';

interface Paging {
  readonly offset: number;
  readonly limit: number;
}

/** Institutions and offerings per municipality, from their read models. */
export class InventoryQueries {
  private readonly institutionDocuments: ReadModelCollection<InstitutionSummary>;
  private readonly offeringDocuments: ReadModelCollection<OfferingSummary>;

  constructor(readModels: ReadModelStore) {
    this.institutionDocuments = readModels.collection<InstitutionSummary>(institutionProjection.collection);
    this.offeringDocuments = readModels.collection<OfferingSummary>(offeringProjection.collection);
  }

  institutions(
    query: Paging & {
      readonly q?: string;
      readonly regionKey?: string;
      readonly type?: InstitutionType;
      readonly operator?: string;
      readonly status?: 'open' | 'closed';
    },
  ): Promise<Page<InstitutionSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.regionKey) filter['regionKey'] = query.regionKey;
    if (query.type) filter['type'] = query.type;
    if (query.operator) filter['operatorId'] = query.operator;
    if (query.status) filter['status'] = query.status;
    if (query.q) filter['$and'] = containsAllWords('name', query.q);
    return this.page(this.institutionDocuments, filter, { regionKey: 1, name: 1 }, query);
  }

  async institution(institutionId: string): Promise<InstitutionSummary> {
    const [found] = await this.institutionDocuments.find({ filter: { id: institutionId }, limit: 1 });
    if (!found)
      throw new NotFoundError(
        `There is no institution ${institutionId}.`,
        'institution-not-found',
        'Institution not found',
      );
    return found;
  }

  /** Every institution of the district, for the plan. */
  allInstitutions(): Promise<InstitutionSummary[]> {
    return findEvery(this.institutionDocuments, { sort: { regionKey: 1, name: 1 } });
  }

  offerings(
    query: Paging & {
      readonly q?: string;
      readonly regionKey?: string;
      readonly kind?: OfferingKind;
      readonly stage?: EducationStage;
      readonly provider?: string;
      readonly status?: 'running' | 'ended';
    },
  ): Promise<Page<OfferingSummary>> {
    const filter: Record<string, unknown> = {};
    if (query.regionKey) filter['regionKey'] = query.regionKey;
    if (query.kind) filter['kind'] = query.kind;
    if (query.stage) filter['stage'] = query.stage;
    if (query.provider) filter['providerId'] = query.provider;
    if (query.status) filter['status'] = query.status;
    if (query.q) filter['$and'] = containsAllWords('title', query.q);
    return this.page(this.offeringDocuments, filter, { regionKey: 1, title: 1 }, query);
  }

  async offering(offeringId: string): Promise<OfferingSummary> {
    const [found] = await this.offeringDocuments.find({ filter: { id: offeringId }, limit: 1 });
    if (!found)
      throw new NotFoundError(`There is no offering ${offeringId}.`, 'offering-not-found', 'Offering not found');
    return found;
  }

  private async page<Document extends { id: string }>(
    documents: ReadModelCollection<Document>,
    filter: Record<string, unknown>,
    sort: Record<string, 1 | -1>,
    paging: Paging,
  ): Promise<Page<Document>> {
    const [items, total] = await Promise.all([
      documents.find({ filter, sort, skip: paging.offset, limit: paging.limit }),
      documents.count(filter),
    ]);
    return { items, total, offset: paging.offset, limit: paging.limit };
  }
}
