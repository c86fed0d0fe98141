import { Body, Controller, Get, Headers, HttpCode, Inject, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiPathParam,
  ApiQueryFrom,
  ApiResult,
  Caller,
  CurrentCaller,
  Metrics,
  ProblemError,
  Roles,
  ValidParam,
  ValidQuery,
} from '@bildungsregion/http';
import { z } from 'zod';
import { parseMeasurementCsv } from '../application/imports/csv-import';
import { ImportReport, RejectedRow } from '../application/imports/import-report';
import { ImportSummary } from '../application/imports/import.projection';
import { MeasurementImports } from '../application/imports/measurement-imports';
import { PageQuery, importId } from './monitoring-requests';
import { ImportListResult, ImportReportResult, RejectionPageResult } from './monitoring-responses';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/**
 * CSV imports. Not behind the Idempotency-Key interceptor: a file imported twice records nothing
 * twice anyway (its rows come back as unchanged), and the report says so.
 */
@ApiTags('measurement imports')
@Controller('measurements/imports')
export class MeasurementImportsController {
  private readonly importedRows;

  constructor(
    private readonly imports: MeasurementImports,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.importedRows = metrics.counter('monitoring_import_rows_total', 'Imported CSV rows by outcome', ['outcome']);
  }

  @Post()
  @HttpCode(201)
  @Roles('coordinator', 'admin')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }))
  @ApiOperation({
    summary: 'Import measurements from a CSV file',
    description:
      'Columns indicator, region, period, value and optionally sex, nationality, source (German names work too); comma- or semicolon-separated, ' +
      'a decimal comma with semicolons. Every row is checked; good rows are recorded even when others are bad; the report counts the rows and ' +
      'groups the rejected ones by reason with their lines (line by line: GET …/{id}/rejections). Rows already recorded with the same value count as unchanged, so importing a file again records nothing twice.',
  })
  @ApiConsumes('text/csv', 'multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiResult(ImportReportResult, { status: 201 })
  @ApiResponse({ status: 422, description: 'The file cannot be imported: unknown or missing columns, too many rows.' })
  async import(
    @UploadedFile() upload: { originalname: string; buffer: Buffer } | undefined,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportReport> {
    const file = upload
      ? { name: upload.originalname, content: upload.buffer }
      : typeof body === 'string' && contentType?.startsWith('text/csv')
        ? { name: 'upload.csv', content: body }
        : undefined;
    if (!file) {
      throw new ProblemError(
        415,
        'unsupported-media-type',
        'Send a CSV file',
        'Send the file as text/csv, or as multipart/form-data in a field named "file".',
      );
    }
    const text = typeof file.content === 'string' ? file.content : file.content.toString('utf8');
    const report = await this.imports.importMeasurements(parseMeasurementCsv(text), file, caller.command());
    this.importedRows.inc({ outcome: 'recorded' }, report.recorded);
    this.importedRows.inc({ outcome: 'unchanged' }, report.unchanged);
    this.importedRows.inc({ outcome: 'rejected' }, report.rejected);
    caller.setHeader('Location', `/measurements/imports/${report.importId}`);
    return report;
  }

  @Get()
  @Roles('coordinator', 'admin', 'auditor', 'actor')
  @ApiOperation({ summary: 'Earlier imports, newest first, with their counts' })
  @ApiQueryFrom(PageQuery)
  @ApiResult(ImportListResult)
  list(@ValidQuery(PageQuery) page: z.output<typeof PageQuery>): Promise<ImportSummary[]> {
    return this.imports.listImports(page);
  }

  @Get(':id')
  @Roles('coordinator', 'admin', 'auditor', 'actor')
  @ApiOperation({ summary: 'The report of an earlier import' })
  @ApiPathParam('id', importId, 'The import id')
  @ApiResult(ImportReportResult)
  report(@ValidParam('id', importId) id: string): Promise<ImportReport> {
    return this.imports.importReport(id);
  }

  @Get(':id/rejections')
  @Roles('coordinator', 'admin', 'auditor', 'actor')
  @ApiOperation({ summary: 'The rejected rows of an earlier import, line by line, a page at a time' })
  @ApiPathParam('id', importId, 'The import id')
  @ApiQueryFrom(PageQuery)
  @ApiResult(RejectionPageResult)
  rejections(
    @ValidParam('id', importId) id: string,
    @ValidQuery(PageQuery) page: z.output<typeof PageQuery>,
  ): Promise<{ total: number; items: RejectedRow[] }> {
    return this.imports.rejections(id, page);
  }
}
