import {
  Aggregates,
  CommandOutcome,
  CommandRejectedError,
  CommandRequest,
  newIdFor,
} from '@bildungsregion/application';
import { EventStore } from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { PublishRelease, Release, releaseDecider, ReleaseEvent } from '../../domain/release.decider';
import { catalogueProjection, IndicatorSummary } from '../catalogue/catalogue.projection';
import { MeasurementDocument, measurementProjection } from '../measurements/measurement.projections';
import { RELEASES, SERVICE_NAME } from '../streams';
import { releaseProjection, ReleaseSummary } from './release.projection';

export interface ReleaseRequest {
  readonly title: string;
  readonly periods: readonly string[];
  readonly indicatorKeys?: readonly string[];
  readonly note?: string;
}

/** Data releases: the measurements of some periods declared final and citable. */
export class Releases {
  private readonly releases: Aggregates<PublishRelease, Release, ReleaseEvent>;
  private readonly catalogue: ReadModelCollection<IndicatorSummary>;
  private readonly measurements: ReadModelCollection<MeasurementDocument>;
  private readonly releaseList: ReadModelCollection<ReleaseSummary>;

  constructor(store: EventStore, readModels: ReadModelStore) {
    this.releases = new Aggregates({
      store,
      decider: releaseDecider,
      category: RELEASES,
      source: SERVICE_NAME,
      noun: 'release',
    });
    this.catalogue = readModels.collection<IndicatorSummary>(catalogueProjection.collection);
    this.measurements = readModels.collection<MeasurementDocument>(measurementProjection.collection);
    this.releaseList = readModels.collection<ReleaseSummary>(releaseProjection.collection);
  }

  /** Publishes a release of the named (or else every) indicator that has a measurement in one of its periods. */
  async publish(
    release: ReleaseRequest,
    request: CommandRequest,
  ): Promise<CommandOutcome & { releaseId: string; indicatorKeys: string[] }> {
    const releaseId = newIdFor(request, 'release');
    const candidates =
      release.indicatorKeys ?? (await this.catalogue.find({ limit: 1_000 })).map((indicator) => indicator.key);
    const covered: string[] = [];
    const unknown: string[] = [];
    for (const key of candidates) {
      if (release.indicatorKeys && !(await this.catalogue.get(key))) unknown.push(key);
      else if ((await this.measurements.count({ indicatorKey: key, period: { $in: [...release.periods] } })) > 0)
        covered.push(key);
    }
    if (unknown.length > 0)
      throw new CommandRejectedError({
        kind: 'rule-violation',
        code: 'unknown-indicator',
        message: `There is no indicator ${unknown.join(', ')}.`,
      });
    const { note, title, periods } = release;
    const outcome = await this.releases.execute(
      releaseId,
      {
        type: 'PublishRelease',
        releaseId,
        title,
        periods,
        indicatorKeys: covered,
        ...(note !== undefined ? { note } : {}),
      },
      request,
      { creates: { code: 'release-exists', message: `The release ${releaseId} is already published.` } },
    );
    return { ...outcome, releaseId, indicatorKeys: covered };
  }

  list(): Promise<ReleaseSummary[]> {
    return this.releaseList.find({ sort: { publishedAt: -1 }, limit: 200 });
  }
}
