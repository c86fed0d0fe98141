import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPathParam, ApiQueryFrom, ApiResult, etagOf, Roles, ValidParam, ValidQuery } from '@bildungsregion/http';
import type { Response } from 'express';
import { z } from 'zod';
import { Region } from '@bildungsregion/reference-data';
import { IndicatorSummary } from '../application/catalogue/catalogue.projection';
import { CatalogueQueries, IndicatorView } from '../application/catalogue/catalogue.queries';
import { LatestValue } from '../application/measurements/measurement.projections';
import { Comparison, MeasurementQueries, Series } from '../application/measurements/measurement.queries';
import { ReleaseSummary } from '../application/releases/release.projection';
import { Releases } from '../application/releases/releases';
import {
  ComparisonResult,
  IndicatorListResult,
  IndicatorResult,
  LatestValuesResult,
  RegionsResult,
  ReleasesResult,
  SeriesResult,
} from './monitoring-responses';
import { ComparisonQuery, IndicatorListQuery, key, LatestQuery, SeriesQuery } from './monitoring-requests';

const READERS = ['coordinator', 'admin', 'auditor', 'actor'] as const;
const KEY = ApiPathParam('key', key, 'The indicator key');

@ApiTags('monitoring queries')
@Controller()
export class MonitoringQueriesController {
  constructor(
    private readonly catalogue: CatalogueQueries,
    private readonly measurements: MeasurementQueries,
    private readonly releaseList: Releases,
  ) {}

  @Get('indicators')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The indicator catalogue', description: 'Optionally of one Bildungsbereich.' })
  @ApiQueryFrom(IndicatorListQuery)
  @ApiResult(IndicatorListResult)
  list(@ValidQuery(IndicatorListQuery) query: z.output<typeof IndicatorListQuery>): Promise<IndicatorSummary[]> {
    return this.catalogue.list(query.stage);
  }

  @Get('indicators/:key')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'One indicator with its thresholds',
    description: 'ETag is the stream revision; send it as If-Match with the next command.',
  })
  @KEY
  @ApiResult(IndicatorResult, {
    headers: { ETag: { description: 'The revision shown, for If-Match.', required: true } },
  })
  async get(
    @ValidParam('key', key) indicator: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IndicatorView> {
    const view = await this.catalogue.indicator(indicator);
    response.setHeader('ETag', etagOf(view.revision));
    return view;
  }

  @Get('indicators/:key/series')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'Time series of an indicator for one region',
    description: 'Total values unless a breakdown is named.',
  })
  @KEY
  @ApiQueryFrom(SeriesQuery)
  @ApiResult(SeriesResult)
  series(
    @ValidParam('key', key) indicator: string,
    @ValidQuery(SeriesQuery) query: z.output<typeof SeriesQuery>,
  ): Promise<Series> {
    return this.measurements.series(indicator, query.region, query.breakdown);
  }

  @Get('indicators/:key/comparison')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'All municipalities for one period, ranked best first',
    description: 'With the Landkreis value as reference and the municipalities that have no value.',
  })
  @KEY
  @ApiQueryFrom(ComparisonQuery)
  @ApiResult(ComparisonResult)
  comparison(
    @ValidParam('key', key) indicator: string,
    @ValidQuery(ComparisonQuery) query: z.output<typeof ComparisonQuery>,
  ): Promise<Comparison> {
    return this.measurements.comparison(indicator, query.period, query.breakdown);
  }

  @Get('measurements/latest')
  @Roles(...READERS)
  @ApiOperation({
    summary: 'The latest total value per indicator and region',
    description: 'Filtered by indicator and/or region.',
  })
  @ApiQueryFrom(LatestQuery)
  @ApiResult(LatestValuesResult)
  latest(@ValidQuery(LatestQuery) query: z.output<typeof LatestQuery>): Promise<LatestValue[]> {
    return this.measurements.latestValues(query);
  }

  @Get('regions')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The district and its municipalities with AGS keys and Samtgemeinde' })
  @ApiResult(RegionsResult)
  regions(): readonly Region[] {
    return this.catalogue.regions();
  }

  @Get('releases')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Published data releases, newest first' })
  @ApiResult(ReleasesResult)
  releases(): Promise<ReleaseSummary[]> {
    return this.releaseList.list();
  }
}
