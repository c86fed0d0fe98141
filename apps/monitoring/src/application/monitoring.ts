import { eventIdFor } from '@bildungsregion/bus';
import { Rejection } from '@bildungsregion/decider';
import { CommandHandler, EventStore, HistoryEntry, Page, readHistoryPage, RecordedEvent, StoreVerification, StreamVerification, verifyAllStreams, verifyStream } from '@bildungsregion/event-store';
import { Principal } from '@bildungsregion/http';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { createHash, randomUUID } from 'node:crypto';
import { EducationStage, Indicator, IndicatorCommand, IndicatorDefinition, IndicatorEvent, NewMeasurement, RevisableDefinition, Slot, slotKey, Threshold } from '../domain/indicator';
import { indicatorDecider, MeasurementOutcome, planMeasurements } from '../domain/indicator.decider';
import { MUNICIPALITIES, Region, REGIONS, regionOf } from '../domain/regions';
import { releaseDecider } from '../domain/release.decider';
import { ImportReport, ImportRow, ParsedImport, RejectedRow } from './csv-import';
import {
  IMPORTS,
  ImportSummary,
  INDICATORS,
  IndicatorSummary,
  LATEST_VALUES,
  LatestValue,
  MEASUREMENTS,
  MeasurementDocument,
  RELEASES,
  ReleaseSummary,
} from './projections';
import { importStreamId, INDICATOR_CATEGORY, indicatorStreamId, RELEASE_CATEGORY, IMPORT_CATEGORY, releaseStreamId } from './streams';

export const SERVICE_NAME = 'monitoring';
const MAX_IMPORT_ATTEMPTS = 5;

export class MonitoringCommandRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
  }
}

export class StaleRevisionError extends Error {
  constructor(readonly actual: number | null) {
    super(actual === null ? 'This indicator does not exist.' : `The indicator has changed meanwhile (it is now at revision ${actual}); reload it and decide again.`);
  }
}

export class NotFoundError extends Error {}
export class InvalidMonitoringQueryError extends Error {}

/** Who issues a command and on what grounds; becomes the events' metadata. */
export interface CommandRequest {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly expectedRevision?: number;
  readonly reason?: string;
}

export interface CommandOutcome {
  readonly revision: number;
  readonly events: readonly RecordedEvent[];
}

export interface SeriesPoint {
  readonly measurementId: string;
  readonly period: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly source: string;
  readonly corrected: boolean;
  readonly synthetic: boolean;
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


/** A measurement's id follows from its slot, so the same value sent twice is the same measurement. */
export function measurementIdFor(indicatorKey: string, slot: Slot): string {
  return eventIdFor('measurement', indicatorKey, slotKey(slot));
}

function serialized<T>(queue: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const previous = queue.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queue.set(key, next.catch(() => undefined));
  return next;
}

/** The monitoring use cases: the catalogue and its measurements through the deciders, queries from the read models. */
export class Monitoring {
  private readonly indicators: CommandHandler<IndicatorCommand, Indicator, IndicatorEvent>;
  private readonly releases: CommandHandler<Parameters<typeof releaseDecider.decide>[0], ReturnType<typeof releaseDecider.evolve>, Parameters<typeof releaseDecider.evolve>[1]>;
  private readonly catalogue: ReadModelCollection<IndicatorSummary>;
  private readonly measurements: ReadModelCollection<MeasurementDocument>;
  private readonly latest: ReadModelCollection<LatestValue>;
  private readonly releaseList: ReadModelCollection<ReleaseSummary>;
  private readonly importList: ReadModelCollection<ImportSummary>;
  /** Imports into one indicator run one after another in this process, so they do not keep conflicting. */
  private readonly importQueue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    readModels: ReadModelStore,
  ) {
    this.indicators = new CommandHandler(store, indicatorDecider, { source: SERVICE_NAME });
    this.releases = new CommandHandler(store, releaseDecider, { source: SERVICE_NAME });
    this.catalogue = readModels.collection<IndicatorSummary>(INDICATORS);
    this.measurements = readModels.collection<MeasurementDocument>(MEASUREMENTS);
    this.latest = readModels.collection<LatestValue>(LATEST_VALUES);
    this.releaseList = readModels.collection<ReleaseSummary>(RELEASES);
    this.importList = readModels.collection<ImportSummary>(IMPORTS);
  }

  async execute(key: string, command: IndicatorCommand, request: CommandRequest): Promise<CommandOutcome> {
    const result = await this.indicators.handle(indicatorStreamId(key), command, {
      actor: { id: request.principal.id, role: request.principal.role },
      correlationId: request.correlationId,
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
      ...(command.type === 'DefineIndicator' ? { expectedRevision: 'no-stream' as const } : {}),
      ...(request.expectedRevision !== undefined ? { expectedRevision: request.expectedRevision } : {}),
    });
    if (result.outcome === 'conflict') {
      if (command.type === 'DefineIndicator' && request.expectedRevision === undefined) {
        throw new MonitoringCommandRejectedError({ kind: 'invalid-transition', code: 'indicator-exists', message: `The indicator ${key} is already defined; revise it instead.` });
      }
      if (result.actualRevision === null) throw new NotFoundError(`There is no indicator ${key}.`);
      throw new StaleRevisionError(result.actualRevision);
    }
    if (result.outcome === 'rejected') {
      if (result.rejection.code === 'indicator-not-found') throw new NotFoundError(`There is no indicator ${key}.`);
      throw new MonitoringCommandRejectedError(result.rejection);
    }
    return { revision: result.revision as number, events: result.events };
  }

  defineIndicator(definition: IndicatorDefinition, thresholds: readonly Threshold[], request: CommandRequest, synthetic = false): Promise<CommandOutcome> {
    return this.execute(definition.key, { type: 'DefineIndicator', definition, thresholds, synthetic }, request);
  }

  reviseIndicator(key: string, changes: RevisableDefinition, request: CommandRequest & { reason: string }): Promise<CommandOutcome> {
    return this.execute(key, { type: 'ReviseIndicator', changes, reason: request.reason }, request);
  }

  setThresholds(key: string, thresholds: readonly Threshold[], request: CommandRequest): Promise<CommandOutcome> {
    return this.execute(key, { type: 'SetThresholds', thresholds }, request);
  }

  async recordMeasurement(indicatorKey: string, measurement: Omit<NewMeasurement, 'measurementId'>, request: CommandRequest): Promise<CommandOutcome & { measurementId: string }> {
    const measurementId = measurementIdFor(indicatorKey, measurement);
    const outcome = await this.execute(indicatorKey, { type: 'RecordMeasurements', measurements: [{ ...measurement, measurementId }] }, request);
    return { ...outcome, measurementId };
  }

  correctMeasurement(indicatorKey: string, slot: Slot, value: number, request: CommandRequest & { reason: string }): Promise<CommandOutcome> {
    return this.execute(indicatorKey, { type: 'CorrectMeasurement', slot, value, reason: request.reason }, request);
  }

  /**
   * Records the good rows of a file, indicator by indicator, and keeps the report as an event of its
   * own. Each indicator's rows are appended at once, against the state they were checked with.
   */
  async importMeasurements(parsed: ParsedImport, file: { name: string; content: Buffer | string }, request: CommandRequest): Promise<ImportReport> {
    const importId = randomUUID();
    const rejections: RejectedRow[] = [...parsed.rejected];
    let recorded = 0;
    let unchanged = 0;
    const byIndicator = new Map<string, ImportRow[]>();
    for (const row of parsed.rows) byIndicator.set(row.indicatorKey, [...(byIndicator.get(row.indicatorKey) ?? []), row]);
    for (const [key, rows] of byIndicator) {
      const outcomes = await serialized(this.importQueue, key, () => this.importInto(key, rows, importId, request));
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'recorded') recorded += 1;
        else if (outcome.status === 'unchanged') unchanged += 1;
        else rejections.push({ line: (rows[index] as ImportRow).line, reason: outcome.reason });
      });
    }
    rejections.sort((a, b) => a.line - b.line);
    const report = {
      importId,
      fileName: file.name,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      rows: parsed.total,
      recorded,
      unchanged,
      rejected: rejections.length,
      rejections,
    };
    const [stored] = (
      await this.store.append(
        importStreamId(importId),
        [{ type: 'MeasurementsImported', data: report, metadata: { actor: { id: request.principal.id, role: request.principal.role }, correlationId: request.correlationId, source: SERVICE_NAME } }],
        'no-stream',
      )
    ).events;
    return { ...report, importedAt: (stored as RecordedEvent).recordedAt, importedBy: request.principal.id };
  }

  private async importInto(key: string, rows: readonly ImportRow[], importId: string, request: CommandRequest): Promise<MeasurementOutcome[]> {
    const measurements = rows.map(({ line: _line, indicatorKey: _key, ...row }) => ({ ...row, measurementId: measurementIdFor(key, row), importId }));
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.indicators.load(indicatorStreamId(key));
      if (state.status === 'none') return rows.map(() => ({ status: 'rejected', reason: `there is no indicator ${key} in the catalogue` }));
      const plan = planMeasurements(state, measurements);
      const accepted = measurements.filter((_, index) => plan.outcomes[index]?.status === 'recorded');
      if (accepted.length === 0) return plan.outcomes;
      const result = await this.indicators.handle(
        indicatorStreamId(key),
        { type: 'RecordMeasurements', measurements: accepted },
        { actor: { id: request.principal.id, role: request.principal.role }, correlationId: request.correlationId, expectedRevision: revision as number },
      );
      if (result.outcome === 'accepted') return plan.outcomes;
      if (result.outcome === 'rejected') throw new MonitoringCommandRejectedError(result.rejection);
      // Another writer got in between: check the rows again against what it wrote.
      if (attempt >= MAX_IMPORT_ATTEMPTS) throw new StaleRevisionError(result.actualRevision);
    }
  }

  listImports(page: { offset: number; limit: number }): Promise<ImportSummary[]> {
    return this.importList.find({ sort: { importedAt: -1 }, skip: page.offset, limit: page.limit });
  }

  async importReport(importId: string): Promise<ImportReport> {
    const [event] = await this.store.readStream(importStreamId(importId), { maxCount: 1 });
    if (!event) throw new NotFoundError(`There is no import ${importId}.`);
    return { ...(event.data as Omit<ImportReport, 'importedAt' | 'importedBy'>), importedAt: event.recordedAt, importedBy: event.metadata.actor.id };
  }

  async publishRelease(release: { title: string; periods: readonly string[]; indicatorKeys?: readonly string[]; note?: string }, request: CommandRequest, releaseId: string = randomUUID()): Promise<CommandOutcome & { releaseId: string; indicatorKeys: string[] }> {
    const candidates = release.indicatorKeys ?? (await this.catalogue.find({ limit: 1_000 })).map((indicator) => indicator.key);
    const covered: string[] = [];
    const unknown: string[] = [];
    for (const key of candidates) {
      if (release.indicatorKeys && !(await this.catalogue.get(key))) unknown.push(key);
      else if ((await this.measurements.count({ indicatorKey: key, period: { $in: [...release.periods] } })) > 0) covered.push(key);
    }
    if (unknown.length > 0) throw new NotFoundError(`There is no indicator ${unknown.join(', ')}.`);
    const result = await this.releases.handle(
      releaseStreamId(releaseId),
      { type: 'PublishRelease', releaseId, title: release.title, periods: release.periods, indicatorKeys: covered, ...(release.note !== undefined ? { note: release.note } : {}) },
      { actor: { id: request.principal.id, role: request.principal.role }, correlationId: request.correlationId, expectedRevision: 'no-stream' },
    );
    if (result.outcome === 'rejected') throw new MonitoringCommandRejectedError(result.rejection);
    if (result.outcome === 'conflict') throw new MonitoringCommandRejectedError({ kind: 'invalid-transition', code: 'release-exists', message: `The release ${releaseId} is already published.` });
    return { revision: result.revision as number, events: result.events, releaseId, indicatorKeys: covered };
  }

  /** The indicator from the event store (always current), with its revision for If-Match. */
  async indicator(key: string): Promise<{ revision: number; indicator: IndicatorDefinition & { thresholds: readonly Threshold[]; synthetic: boolean; measurementCount: number } }> {
    const { state, revision } = await this.indicators.load(indicatorStreamId(key));
    if (state.status === 'none' || revision === null) throw new NotFoundError(`There is no indicator ${key}.`);
    return { revision, indicator: { ...(state.definition as IndicatorDefinition), thresholds: state.thresholds, synthetic: state.synthetic, measurementCount: state.measurements.size } };
  }

  listIndicators(stage?: EducationStage): Promise<IndicatorSummary[]> {
    return this.catalogue.find({ filter: stage ? { stage } : {}, sort: { stage: 1, name: 1 }, limit: 1_000 });
  }

  async series(key: string, regionKey: string, breakdown: string): Promise<{ indicatorKey: string; regionKey: string; regionName: string; breakdown: string; points: SeriesPoint[] }> {
    const region = await this.requireRegion(key, regionKey);
    const documents = await this.measurements.find({ filter: { indicatorKey: key, regionKey, breakdownKey: breakdown }, sort: { periodEnd: 1 }, limit: 1_000 });
    return {
      indicatorKey: key,
      regionKey,
      regionName: region.name,
      breakdown,
      points: documents.map((document) => ({
        measurementId: document.id,
        period: document.period,
        periodEnd: document.periodEnd,
        value: document.value,
        source: document.source,
        corrected: document.correctedAt !== null,
        synthetic: document.synthetic,
      })),
    };
  }

  async comparison(key: string, period: string, breakdown: string): Promise<Comparison> {
    const indicator = await this.catalogue.get(key);
    if (!indicator) throw new NotFoundError(`There is no indicator ${key}.`);
    const documents = await this.measurements.find({ filter: { indicatorKey: key, period, breakdownKey: breakdown }, limit: 1_000 });
    const byRegion = new Map(documents.map((document) => [document.regionKey, document]));
    const descending = indicator.preferredDirection !== 'lower';
    const ranked = MUNICIPALITIES.filter((region) => byRegion.has(region.key)).sort((a, b) => {
      const difference = (byRegion.get(a.key) as MeasurementDocument).value - (byRegion.get(b.key) as MeasurementDocument).value;
      return descending ? -difference : difference;
    });
    return {
      indicatorKey: key,
      period,
      breakdown,
      ranking: ranked.map((region, index) => {
        const document = byRegion.get(region.key) as MeasurementDocument;
        return { rank: index + 1, regionKey: region.key, regionName: region.name, samtgemeinde: region.samtgemeinde ?? null, value: document.value, measurementId: document.id };
      }),
      landkreis: byRegion.get('03459')?.value ?? null,
      missing: MUNICIPALITIES.filter((region) => !byRegion.has(region.key)).map((region) => ({ regionKey: region.key, regionName: region.name })),
    };
  }

  latestValues(filter: { indicator?: string; region?: string }): Promise<LatestValue[]> {
    return this.latest.find({
      filter: { ...(filter.indicator ? { indicatorKey: filter.indicator } : {}), ...(filter.region ? { regionKey: filter.region } : {}) },
      sort: { indicatorKey: 1, regionKey: 1 },
      limit: 1_000,
    });
  }

  regions(): readonly Region[] {
    return REGIONS;
  }

  listReleases(): Promise<ReleaseSummary[]> {
    return this.releaseList.find({ sort: { publishedAt: -1 }, limit: 200 });
  }

  async history(key: string, page: { offset: number; limit: number }): Promise<Page<HistoryEntry>> {
    const history = await readHistoryPage(this.store, indicatorStreamId(key), page);
    if (!history) throw new NotFoundError(`There is no indicator ${key}.`);
    return history;
  }

  async verify(key: string): Promise<StreamVerification> {
    if ((await this.store.lastRevision(indicatorStreamId(key))) === null) throw new NotFoundError(`There is no indicator ${key}.`);
    return verifyStream(this.store, indicatorStreamId(key));
  }

  verifyAll(): Promise<StoreVerification> {
    return verifyAllStreams(this.store, { categories: [INDICATOR_CATEGORY, RELEASE_CATEGORY, IMPORT_CATEGORY] });
  }

  private async requireRegion(key: string, regionKey: string): Promise<Region> {
    if (!(await this.catalogue.get(key))) throw new NotFoundError(`There is no indicator ${key}.`);
    const region = regionOf(regionKey);
    if (!region) throw new InvalidMonitoringQueryError(`region ${regionKey} is neither Landkreis Osnabrück (03459) nor one of its municipalities.`);
    return region;
  }
}

