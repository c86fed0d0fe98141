import { Controller, Get, Inject, InjectionToken, Res, Type } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Role } from '@bildungsregion/application';
import { HistoryEntry, Page, StoreVerification, StreamVerification } from '@bildungsregion/event-store';
import type { Response } from 'express';
import { z } from 'zod';
import { queryWholeNumber } from './request-fields';
import {
  ApiResult,
  HistoryEntryResult,
  pageOf,
  StoreVerificationResult,
  StreamVerificationResult,
} from './api-responses';
import { Roles } from './auth/auth.guard';
import { spreadsheetCsv } from './csv-export';
import { ApiPathParam, ApiQueryFrom, ValidParam, ValidQuery } from './validation';

/** What auditors read of one kind of aggregate: its history, its hash chain, and all chains of the service. */
export interface AuditReader {
  history(id: string, page: { readonly offset: number; readonly limit: number }): Promise<Page<HistoryEntry>>;
  verify(id: string): Promise<StreamVerification>;
  verifyAll(): Promise<StoreVerification>;
}

/** A page of a stream's history, as JSON or as a CSV export. */
export const HistoryQuery = z.strictObject({
  offset: queryWholeNumber(0, 10_000_000).default(0).describe('First revision to return.'),
  limit: queryWholeNumber(1, 1_000).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});

const CSV_COLUMNS = [
  'revision',
  'recordedAt',
  'effectiveAt',
  'type',
  'actorId',
  'actorRole',
  'reason',
  'authority',
  'correlationId',
  'causationId',
  'eventId',
  'data',
  'prevHash',
  'hash',
];

/** A history page as CSV, one event a row, for spreadsheets; text cells cannot start a formula. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((entry) => [
    entry.revision,
    entry.recordedAt,
    entry.effectiveAt,
    entry.type,
    entry.actor.id,
    entry.actor.role,
    entry.reason ?? '',
    entry.authority ?? '',
    entry.correlationId,
    entry.causationId ?? '',
    entry.eventId,
    JSON.stringify(entry.data),
    entry.prevHash,
    entry.hash,
  ]);
  return spreadsheetCsv(rows, CSV_COLUMNS);
}

export interface AuditRoutesOptions {
  /** The collection path, e.g. `goals`: routes are `<path>/:<param>/history`, `<path>/:<param>/audit` and `audit`. */
  readonly path: string;
  readonly param: string;
  readonly idSchema: z.ZodType<string>;
  /** How the OpenAPI summaries name one aggregate: "goal", "indicator". */
  readonly noun: string;
  /** What `GET /audit` verifies, for its summary: "all goals". */
  readonly scope: string;
  readonly roles: readonly Role[];
  readonly reader: InjectionToken;
  /**
   * Whether these routes also answer `GET /audit` for the whole store; a service with several
   * aggregates answers it once, from the reader whose `verifyAll` covers them all.
   */
  readonly storeAudit?: boolean;
}

/** A controller with the audit routes every service has for its main aggregate. */
export function auditRoutes(options: AuditRoutesOptions): Type {
  const { path, param, idSchema, noun, roles } = options;
  const id = ApiPathParam(param, idSchema, `The ${noun}'s ${param}`);

  @ApiTags('audit')
  @Controller()
  class StreamAuditRoutes {
    constructor(@Inject(options.reader) protected readonly reader: AuditReader) {}

    @Get(`${path}/:${param}/history`)
    @Roles(...roles)
    @ApiOperation({
      summary: `Every recorded event of the ${noun} with who, when, on what authority and why`,
      description: 'format=csv exports the same page as CSV.',
    })
    @ApiProduces('application/json', 'text/csv')
    @ApiResult(pageOf(HistoryEntryResult), { alsoAs: ['text/csv'] })
    @id
    @ApiQueryFrom(HistoryQuery)
    async history(
      @ValidParam(param, idSchema) aggregateId: string,
      @ValidQuery(HistoryQuery) query: z.output<typeof HistoryQuery>,
      @Res({ passthrough: true }) response: Response,
    ): Promise<Page<HistoryEntry> | string> {
      const page = await this.reader.history(aggregateId, query);
      if (query.format === 'json') return page;
      response
        .type('text/csv')
        .setHeader('Content-Disposition', `attachment; filename="${noun}-${aggregateId}-history.csv"`);
      return historyCsv(page.items);
    }

    @Get(`${path}/:${param}/audit`)
    @Roles(...roles)
    @ApiOperation({
      summary: `Verify the ${noun}'s hash chain`,
      description: 'valid, or the first event whose hash does not match.',
    })
    @ApiResult(StreamVerificationResult)
    @id
    audit(@ValidParam(param, idSchema) aggregateId: string): Promise<StreamVerification> {
      return this.reader.verify(aggregateId);
    }
  }

  @ApiTags('audit')
  @Controller()
  class AuditRoutes extends StreamAuditRoutes {
    @Get('audit')
    @Roles(...roles)
    @ApiOperation({ summary: `Verify the hash chains of ${options.scope}` })
    @ApiResult(StoreVerificationResult)
    auditAll(): Promise<StoreVerification> {
      return this.reader.verifyAll();
    }
  }
  const routes = options.storeAudit === false ? StreamAuditRoutes : AuditRoutes;
  // OpenAPI names operations after the class; a second aggregate's routes get names of their own.
  if (options.storeAudit === false)
    Object.defineProperty(routes, 'name', { value: `${noun.charAt(0).toUpperCase()}${noun.slice(1)}AuditRoutes` });
  return routes;
}
