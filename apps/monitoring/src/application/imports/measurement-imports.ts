import {
  Aggregates,
  CommandRejectedError,
  commandContextOf,
  CommandRequest,
  NotFoundError,
  StaleRevisionError,
} from '@bildungsregion/application';
import { EventStore, RecordedEvent, Upcasters } from '@bildungsregion/event-store';
import { ReadModelCollection, ReadModelStore } from '@bildungsregion/read-models';
import { District } from '@bildungsregion/reference-data';
import { createHash, randomUUID } from 'node:crypto';
import { Indicator, IndicatorCommand, IndicatorEvent } from '../../domain/indicator';
import { MeasurementOutcome, planMeasurements } from '../../domain/indicator.decider';
import { measurementIdFor } from '../indicator-commands';
import { IMPORTS, SERVICE_NAME } from '../streams';
import { ImportRow, ParsedImport } from './csv-import';
import { groupRejections, ImportReport, importReportUpcasters, RejectedRow, rejectionPage } from './import-report';
import { importProjection, ImportSummary } from './import.projection';

const MAX_IMPORT_ATTEMPTS = 5;
const IMPORTED = 'MeasurementsImported';
const upcasters = new Upcasters(importReportUpcasters);

function serialized<T>(queue: Map<string, Promise<unknown>>, key: string, work: () => Promise<T>): Promise<T> {
  const previous = queue.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  queue.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}

/** CSV imports: the good rows of a file recorded indicator by indicator, and the report kept as an event of its own. */
export class MeasurementImports {
  private readonly importList: ReadModelCollection<ImportSummary>;
  /** Imports into one indicator run one after another in this process, so they do not keep conflicting. */
  private readonly importQueue = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: EventStore,
    private readonly indicators: Aggregates<IndicatorCommand, Indicator, IndicatorEvent>,
    private readonly district: District,
    readModels: ReadModelStore,
  ) {
    this.importList = readModels.collection<ImportSummary>(importProjection.collection);
  }

  /** Each indicator's rows are appended at once, against the state they were checked with. */
  async importMeasurements(
    parsed: ParsedImport,
    file: { name: string; content: Buffer | string },
    request: CommandRequest,
  ): Promise<ImportReport> {
    const importId = randomUUID();
    const rejections: RejectedRow[] = [...parsed.rejected];
    let recorded = 0;
    let unchanged = 0;
    const byIndicator = new Map<string, ImportRow[]>();
    for (const row of parsed.rows)
      byIndicator.set(row.indicatorKey, [...(byIndicator.get(row.indicatorKey) ?? []), row]);
    for (const [key, rows] of byIndicator) {
      const outcomes = await serialized(this.importQueue, key, () => this.importInto(key, rows, importId, request));
      outcomes.forEach((outcome, index) => {
        if (outcome.status === 'recorded') recorded += 1;
        else if (outcome.status === 'unchanged') unchanged += 1;
        else rejections.push({ line: (rows[index] as ImportRow).line, reason: outcome.reason });
      });
    }
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    const report = {
      importId,
      fileName: file.name,
      sha256,
      rows: parsed.total,
      recorded,
      unchanged,
      rejected: rejections.length,
      rejectionsByReason: groupRejections(rejections),
    };
    const { actor, correlationId } = commandContextOf(request);
    const metadata = { actor, correlationId, source: SERVICE_NAME, schemaVersion: upcasters.currentVersion(IMPORTED) };
    const appended = await this.store.append(
      IMPORTS.streamId(importId),
      [{ type: IMPORTED, data: report, metadata }],
      'no-stream',
    );
    return {
      ...report,
      importedAt: (appended.events[0] as RecordedEvent).recordedAt,
      importedBy: request.principal.id,
    };
  }

  private async importInto(
    key: string,
    rows: readonly ImportRow[],
    importId: string,
    request: CommandRequest,
  ): Promise<MeasurementOutcome[]> {
    const measurements = rows.map(({ line: _line, indicatorKey: _key, ...row }) => ({
      ...row,
      measurementId: measurementIdFor(key, row),
      importId,
    }));
    for (let attempt = 1; ; attempt++) {
      const { state, revision } = await this.indicators.current(key);
      if (state.status === 'none')
        return rows.map(() => ({ status: 'rejected', reason: `there is no indicator ${key} in the catalogue` }));
      const plan = planMeasurements(this.district, state, measurements);
      const accepted = measurements.filter((_, index) => plan.outcomes[index]?.status === 'recorded');
      if (accepted.length === 0) return plan.outcomes;
      const result = await this.indicators.handler.handle(
        this.indicators.streamId(key),
        { type: 'RecordMeasurements', measurements: accepted },
        { ...commandContextOf(request), expectedRevision: revision as number },
      );
      if (result.outcome === 'accepted') return plan.outcomes;
      if (result.outcome === 'rejected') throw new CommandRejectedError(result.rejection);
      // Another writer got in between: check the rows again against what it wrote.
      if (attempt >= MAX_IMPORT_ATTEMPTS)
        throw new StaleRevisionError('indicator', result.expectedRevision, result.actualRevision as number);
    }
  }

  listImports(page: { offset: number; limit: number }): Promise<ImportSummary[]> {
    return this.importList.find({ sort: { importedAt: -1 }, skip: page.offset, limit: page.limit });
  }

  async importReport(importId: string): Promise<ImportReport> {
    const [stored] = await this.store.readStream(IMPORTS.streamId(importId), { maxCount: 1 });
    if (!stored) throw new NotFoundError(`There is no import ${importId}.`);
    const event = upcasters.upcast(stored);
    return {
      ...(event.data as Omit<ImportReport, 'importedAt' | 'importedBy'>),
      importedAt: event.recordedAt,
      importedBy: event.metadata.actor.id,
    };
  }

  /** The rejected rows of an import line by line, a page at a time. */
  async rejections(
    importId: string,
    page: { offset: number; limit: number },
  ): Promise<{ readonly total: number; readonly items: RejectedRow[] }> {
    return rejectionPage((await this.importReport(importId)).rejectionsByReason, page);
  }
}
