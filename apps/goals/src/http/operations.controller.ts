import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Metrics, Public } from '@bildungsregion/http';
import type { Response } from 'express';
import { GoalsRuntime, Health } from '../infrastructure/goals-runtime';

@ApiTags('operations')
@Public()
@Controller()
export class OperationsController {
  constructor(
    private readonly runtime: GoalsRuntime,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  @Get('health/live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health')
  @ApiOperation({ summary: 'Readiness of event store, read models, projection and relay', description: '503 when the service cannot serve requests.' })
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
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
