import { NotFoundError } from '@bildungsregion/application';
import { Page } from '@bildungsregion/event-store';
import { containsAllWords, findEvery, ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { PlanningStage } from '../../domain/capacity';
import { MeasureCapacity } from '../../domain/capacity-plan';
import { comingKitaYear } from '../capacity/capacity-plans';
import { MeasureStatus } from '../../domain/measure';
import { GapSummary, gapProjection, MeasureSummary, measureProjection } from './measure.projections';

export interface MeasureListQuery {
  readonly q?: string;
  readonly regionKey?: string;
  readonly status?: MeasureStatus;
  readonly goal?: string;
  readonly institution?: string;
  readonly offset: number;
  readonly limit: number;
}

/** Measures and gaps, from their read models. */
export class MeasureQueries {
  private readonly measureDocuments: ReadModelCollection<MeasureSummary>;
  private readonly gapDocuments: ReadModelCollection<GapSummary>;

  constructor(
    readModels: ReadModelStore,
    /** Resolves once the measures read model holds everything stored so far: a page shows the change just made. */
    private readonly caughtUp: () => Promise<void> = async () => undefined,
  ) {
    this.measureDocuments = readModels.collection<MeasureSummary>(measureProjection.collection);
    this.gapDocuments = readModels.collection<GapSummary>(gapProjection.collection);
  }

  async measures(query: MeasureListQuery): Promise<Page<MeasureSummary>> {
    await this.caughtUp();
    const filter: Record<string, unknown> = {};
    if (query.regionKey) filter['regionKey'] = query.regionKey;
    if (query.status) filter['status'] = query.status;
    if (query.goal) filter['goalIds'] = query.goal;
    if (query.institution) filter['effect.institutionId'] = query.institution;
    if (query.q) filter['$and'] = containsAllWords('title', query.q);
    const [items, total] = await Promise.all([
      this.measureDocuments.find({ filter, sort: { regionKey: 1, title: 1 }, skip: query.offset, limit: query.limit }),
      this.measureDocuments.count(filter),
    ]);
    return { items, total, offset: query.offset, limit: query.limit };
  }

  async measure(measureId: string): Promise<MeasureSummary> {
    await this.caughtUp();
    const [found] = await this.measureDocuments.find({ filter: { id: measureId }, limit: 1 });
    if (!found) throw new NotFoundError(`There is no measure ${measureId}.`, 'measure-not-found', 'Measure not found');
    return found;
  }

  /** Every measure with a capacity effect that is not dropped, for the plan. */
  async withEffect(): Promise<MeasureCapacity[]> {
    const found = await findEvery(this.measureDocuments, {
      filter: { status: { $in: ['planned', 'approved', 'implemented'] }, effect: { $exists: true } },
      sort: { id: 1 },
    });
    return found.flatMap(({ id, title, status, effect }) =>
      effect && status !== 'dropped' ? [{ measureId: id, title, status, effect }] : [],
    );
  }

  /** Gaps from the coming Kita year on unless asked otherwise: a past year's gap is history, not a task. */
  gaps(query: {
    readonly status?: GapSummary['status'];
    readonly regionKey?: string;
    readonly stage?: PlanningStage;
    readonly fromYear?: number;
  }): Promise<GapSummary[]> {
    const filter: Record<string, unknown> = { year: { $gte: query.fromYear ?? comingKitaYear(new Date()) } };
    if (query.status) filter['status'] = query.status;
    if (query.regionKey) filter['regionKey'] = query.regionKey;
    if (query.stage) filter['stage'] = query.stage;
    return findEvery(this.gapDocuments, { filter, sort: { regionKey: 1, stage: 1, year: 1 } });
  }
}
