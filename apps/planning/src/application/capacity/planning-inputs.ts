import { Aggregates, ServiceActor } from '@bildungsregion/application';
import { DataOf, IntegrationEvent, MeasurementCorrected, MeasurementRecorded } from '@bildungsregion/contracts';
import { EventStore } from '@bildungsregion/event-store';
import {
  findEvery,
  ProjectedDocument,
  Projection,
  ReadModelCollection,
  ReadModelStore,
} from '@bildungsregion/read-models';
import { MeasuredRate, PopulationFigure, RegionPlanInputs } from '../../domain/capacity-plan';
import {
  InputMeasurement,
  PlanningInput,
  PlanningInputCommand,
  PlanningInputEvent,
  planningInputDecider,
} from '../../domain/planning-input';
import { INPUTS } from '../streams';

export const MONITORING_CONSUMER: ServiceActor = { id: 'planning.monitoring-consumer', role: 'service' };

const POPULATION = /^bevoelkerung-alter-(\d|10)$/;
/** The Betreuungsquoten the plan takes as participation rates of its Kita stages. */
const RATES = { 'betreuungsquote-u3': 'krippe', 'betreuungsquote-3-bis-6': 'kindergarten' } as const;

/** Whether planning plans from this indicator. */
function plansFrom(indicatorKey: string): boolean {
  return POPULATION.test(indicatorKey) || indicatorKey in RATES;
}

/** One indicator in one region, with every period's value and its provenance. */
export interface PlanningInputDocument extends ProjectedDocument {
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly values: readonly InputMeasurement[];
}

export const planningInputProjection: Projection<PlanningInputDocument> = {
  name: 'planning.inputs',
  collection: 'planning_inputs',
  filter: { categories: [INPUTS.name] },
  indexes: [{ fields: { regionKey: 1 } }],
  documentIds: (event) => [INPUTS.idOf(event.streamId)],
  evolve: (current, recorded, id) => {
    const measurement = recorded.data as PlanningInputEvent['data'];
    const others = current?.values.filter((value) => value.period !== measurement.period) ?? [];
    const values = [...others, measurement].sort((a, b) => a.period.localeCompare(b.period));
    return { id, indicatorKey: measurement.indicatorKey, regionKey: measurement.regionKey, values };
  },
};

/**
 * Monitoring's population by age and Betreuungsquoten as planning keeps them: recorded in planning's
 * own streams with their provenance (measurement id, source, when measured), so a plan names what it
 * was computed from even after monitoring corrected a value.
 */
export class PlanningInputs {
  private readonly inputs: Aggregates<PlanningInputCommand, PlanningInput, PlanningInputEvent>;
  private readonly documents: ReadModelCollection<PlanningInputDocument>;

  constructor(store: EventStore, readModels: ReadModelStore) {
    this.inputs = new Aggregates({
      store,
      decider: planningInputDecider,
      category: INPUTS,
      source: MONITORING_CONSUMER.id,
      noun: 'planning input',
    });
    this.documents = readModels.collection<PlanningInputDocument>(planningInputProjection.collection);
  }

  /** Notes a measurement or correction; whole-population values only, redelivery records nothing. */
  async note(
    event: IntegrationEvent<DataOf<typeof MeasurementRecorded>> | IntegrationEvent<DataOf<typeof MeasurementCorrected>>,
  ): Promise<'noted' | 'ignored'> {
    const data = event.data;
    if (
      !plansFrom(data.indicatorKey) ||
      ('breakdown' in data && data.breakdown && Object.keys(data.breakdown).length > 0)
    )
      return 'ignored';
    const measurement: PlanningInputCommand['measurement'] = {
      indicatorKey: data.indicatorKey,
      regionKey: data.regionKey,
      period: data.period,
      value: data.value,
      measurementId: data.measurementId,
      ...('source' in data ? { source: data.source } : {}),
      measuredAt: event.time,
      ...('reason' in data ? { correction: data.reason } : {}),
    };
    await this.inputs.execute(
      `${data.indicatorKey}.${data.regionKey}`,
      { type: 'NoteMeasurement', measurement },
      { principal: MONITORING_CONSUMER, correlationId: event.correlationId, causationId: event.id },
    );
    return 'noted';
  }

  /** What every municipality's plan is computed from; the district's rates stand in where a municipality has none. */
  async byRegion(regionKeys: readonly string[], districtKey: string): Promise<Map<string, RegionPlanInputs>> {
    const documents = await findEvery(this.documents);
    const districtRates = ratesOf(documents.filter((document) => document.regionKey === districtKey));
    return new Map(
      regionKeys.map((regionKey) => {
        const own = documents.filter((document) => document.regionKey === regionKey);
        return [
          regionKey,
          {
            regionKey,
            population: populationOf(own),
            rates: { ...districtRates, ...ratesOf(own) },
            institutions: [],
            measures: [],
          },
        ];
      }),
    );
  }
}

function populationOf(documents: readonly PlanningInputDocument[]): PopulationFigure[] {
  return documents.flatMap((document) => {
    const age = POPULATION.exec(document.indicatorKey)?.[1];
    if (age === undefined) return [];
    return document.values
      .filter((value) => /^\d{4}$/.test(value.period))
      .map((value) => ({
        year: Number(value.period),
        age: Number(age),
        value: value.value,
        measurementId: value.measurementId,
      }));
  });
}

/** The latest measured rate per Kita stage. */
function ratesOf(documents: readonly PlanningInputDocument[]): RegionPlanInputs['rates'] {
  const rates: Partial<Record<'krippe' | 'kindergarten', MeasuredRate>> = {};
  for (const document of documents) {
    const stage = RATES[document.indicatorKey as keyof typeof RATES];
    const latest = document.values.at(-1);
    if (stage && latest)
      rates[stage] = {
        value: latest.value,
        period: latest.period,
        regionKey: document.regionKey,
        measurementId: latest.measurementId,
      };
  }
  return rates;
}
