import { Aggregates } from '@bildungsregion/application';
import {
  EventStore,
  HistoryEntry,
  Page,
  StoreVerification,
  StreamIntegrity,
  StreamVerification,
  verifyAllStreams,
} from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { District, Region } from '@bildungsregion/reference-data';
import {
  EducationStage,
  Indicator,
  IndicatorCommand,
  IndicatorDefinition,
  IndicatorEvent,
  Threshold,
} from '../../domain/indicator';
import { IMPORTS, INDICATORS, RELEASES } from '../streams';
import { catalogueProjection, IndicatorSummary } from './catalogue.projection';

export interface IndicatorView {
  readonly revision: number;
  /** Whether the indicator's recorded history still verifies; a broken one takes no commands. */
  readonly integrity: StreamIntegrity;
  readonly indicator: IndicatorDefinition & {
    readonly thresholds: readonly Threshold[];
    readonly synthetic: boolean;
    readonly measurementCount: number;
    /** Every period with at least one value, oldest first: what a comparison or a correction can name. */
    readonly periods: readonly string[];
  };
}

/** The catalogue, the regions measurements may name, and what auditors read of an indicator's record. */
export class CatalogueQueries {
  private readonly catalogue: ReadModelCollection<IndicatorSummary>;

  constructor(
    private readonly store: EventStore,
    private readonly indicators: Aggregates<IndicatorCommand, Indicator, IndicatorEvent>,
    private readonly district: District,
    readModels: ReadModelStore,
  ) {
    this.catalogue = readModels.collection<IndicatorSummary>(catalogueProjection.collection);
  }

  /** The indicator from the event store (always current), with its revision for If-Match. */
  async indicator(key: string): Promise<IndicatorView> {
    const { state, revision, integrity } = await this.indicators.load(key);
    return {
      revision,
      integrity,
      indicator: {
        ...(state.definition as IndicatorDefinition),
        thresholds: state.thresholds,
        synthetic: state.synthetic,
        measurementCount: state.measurements.size,
        periods: [...new Set([...state.measurements.values()].map((measurement) => measurement.period))].sort(),
      },
    };
  }

  list(stage?: EducationStage): Promise<IndicatorSummary[]> {
    return this.catalogue.find({ filter: stage ? { stage } : {}, sort: { stage: 1, name: 1 }, limit: 1_000 });
  }

  regions(): readonly Region[] {
    return this.district.regions;
  }

  history(key: string, page: { offset: number; limit: number }): Promise<Page<HistoryEntry>> {
    return this.indicators.history(key, page);
  }

  verify(key: string): Promise<StreamVerification> {
    return this.indicators.verify(key);
  }

  verifyAll(): Promise<StoreVerification> {
    return verifyAllStreams(this.store, { categories: [INDICATORS.name, RELEASES.name, IMPORTS.name] });
  }
}
