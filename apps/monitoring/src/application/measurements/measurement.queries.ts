import { InvalidQueryError, NotFoundError } from '@bildungsregion/application';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { District, Region } from '@bildungsregion/reference-data';
import { catalogueProjection, IndicatorSummary } from '../catalogue/catalogue.projection';
import {
  LatestValue,
  latestValueProjection,
  MeasurementDocument,
  measurementProjection,
} from './measurement.projections';

export interface SeriesPoint {
  readonly measurementId: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly corrected: boolean;
  readonly synthetic: boolean;
}

export interface Series {
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly regionName: string;
  readonly breakdown: string;
  readonly points: readonly SeriesPoint[];
}

export interface ComparisonEntry {
  readonly rank: number;
  readonly regionKey: string;
  readonly regionName: string;
  readonly samtgemeinde: string | null;
  readonly value: number;
  readonly measurementId: string;
}

export interface Comparison {
  readonly indicatorKey: string;
  readonly period: string;
  readonly breakdown: string;
  /** Ranked best first by the indicator's preferred direction (highest first when it has none). */
  readonly ranking: readonly ComparisonEntry[];
  readonly landkreis: number | null;
  /** Municipalities without a value for the period. */
  readonly missing: readonly { readonly regionKey: string; readonly regionName: string }[];
}

/** Time series, comparisons of the municipalities and latest values, from the measurement read models. */
export class MeasurementQueries {
  private readonly catalogue: ReadModelCollection<IndicatorSummary>;
  private readonly measurements: ReadModelCollection<MeasurementDocument>;
  private readonly latest: ReadModelCollection<LatestValue>;

  constructor(
    private readonly district: District,
    readModels: ReadModelStore,
  ) {
    this.catalogue = readModels.collection<IndicatorSummary>(catalogueProjection.collection);
    this.measurements = readModels.collection<MeasurementDocument>(measurementProjection.collection);
    this.latest = readModels.collection<LatestValue>(latestValueProjection.collection);
  }

  async series(key: string, regionKey: string, breakdown: string): Promise<Series> {
    await this.requireIndicator(key);
    const region = this.district.regionOf(regionKey);
    if (!region) throw new InvalidQueryError(`${this.district.outside(regionKey)}.`);
    const documents = await this.measurements.find({
      filter: { indicatorKey: key, regionKey, breakdownKey: breakdown },
      sort: { periodEnd: 1 },
      limit: 1_000,
    });
    const points = documents.map((document) => ({
      measurementId: document.id,
      period: document.period,
      periodEnd: document.periodEnd,
      value: document.value,
      source: document.source,
      corrected: document.correctedAt !== null,
      synthetic: document.synthetic,
    }));
    return { indicatorKey: key, regionKey, regionName: region.name, breakdown, points };
  }

  async comparison(key: string, period: string, breakdown: string): Promise<Comparison> {
    const indicator = await this.requireIndicator(key);
    const documents = await this.measurements.find({
      filter: { indicatorKey: key, period, breakdownKey: breakdown },
      limit: 1_000,
    });
    const byRegion = new Map(documents.map((document) => [document.regionKey, document]));
    const valueOf = (region: Region) => (byRegion.get(region.key) as MeasurementDocument).value;
    const descending = indicator.preferredDirection !== 'lower';
    const { municipalities } = this.district;
    const ranked = municipalities
      .filter((region) => byRegion.has(region.key))
      .sort((a, b) => (descending ? valueOf(b) - valueOf(a) : valueOf(a) - valueOf(b)));
    return {
      indicatorKey: key,
      period,
      breakdown,
      ranking: ranked.map((region, index) => ({
        rank: index + 1,
        regionKey: region.key,
        regionName: region.name,
        samtgemeinde: region.samtgemeinde ?? null,
        value: valueOf(region),
        measurementId: (byRegion.get(region.key) as MeasurementDocument).id,
      })),
      landkreis: byRegion.get(this.district.region.key)?.value ?? null,
      missing: municipalities
        .filter((region) => !byRegion.has(region.key))
        .map((region) => ({ regionKey: region.key, regionName: region.name })),
    };
  }

  latestValues(filter: { indicator?: string; region?: string }): Promise<LatestValue[]> {
    return this.latest.find({
      filter: {
        ...(filter.indicator ? { indicatorKey: filter.indicator } : {}),
        ...(filter.region ? { regionKey: filter.region } : {}),
      },
      sort: { indicatorKey: 1, regionKey: 1 },
      limit: 1_000,
    });
  }

  private async requireIndicator(key: string): Promise<IndicatorSummary> {
    const indicator = await this.catalogue.get(key);
    if (!indicator)
      throw new NotFoundError(`There is no indicator ${key}.`, 'indicator-not-found', 'Indicator not found');
    return indicator;
  }
}
