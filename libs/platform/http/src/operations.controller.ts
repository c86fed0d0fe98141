import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from './auth/auth.guard';
import { Metrics } from './metrics';
import { HEALTH_REPORTER, HealthReporter } from './health';

/** Liveness, readiness and Prometheus metrics, the same on every service. */
@ApiTags('operations')
@Public()
@Controller()
export class OperationsController {
  constructor(
    @Inject(HEALTH_REPORTER) private readonly runtime: HealthReporter,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health')
  @ApiOperation({
    summary: 'Readiness of event store, read models, projections, relay and bus',
    description: '503 when the service cannot serve requests.',
  })
  async health(@Res({ passthrough: true }) response: Response): Promise<unknown> {
    const health = await this.runtime.health();
    response.status(health.status === 'down' ? 503 : 200);
    return health;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  @ApiExcludeEndpoint()
  render(): Promise<string> {
    return this.metrics.render();
  }
}
