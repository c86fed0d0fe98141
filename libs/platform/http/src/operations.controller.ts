import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiResult } from './api-responses';
import { Public } from './auth/auth.guard';
import { Metrics } from './metrics';
import { HEALTH_REPORTER, HealthReporter, LeaseStatus } from './health';

const componentHealth = z.looseObject({ status: z.enum(['up', 'down']), error: z.string().optional() });
const HealthResult = z.looseObject({
  status: z.enum(['ok', 'degraded', 'down']),
  eventStore: componentHealth,
  readModels: componentHealth,
  projections: z.array(z.looseObject({ name: z.string(), state: z.string() })),
  relay: z.looseObject({ name: z.string(), state: z.string() }),
  consumer: z
    .looseObject({
      partitions: z
        .record(z.string(), z.array(z.number().int()))
        .describe('Per topic, the partitions this instance handles; the group’s other members handle the rest.'),
    })
    .optional(),
  lease: LeaseStatus,
});

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
  @ApiResult(z.object({ status: z.literal('ok') }))
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health')
  @ApiOperation({
    summary: 'Readiness of event store, read models, projections, relay and bus',
    description: '503 when the service cannot serve requests.',
  })
  @ApiResult(HealthResult, { description: 'Ready (ok), or ready with the bus unreachable (degraded).' })
  @ApiResult(HealthResult, { status: 503, description: 'Not ready (down); the body says which part.' })
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
