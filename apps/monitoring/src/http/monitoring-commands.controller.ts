import { applyDecorators, Controller, HttpCode, Inject, Post, UseInterceptors } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOperation, ApiOperationOptions, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiJsonBody, ApiPathParam, Caller, CurrentCaller, etagOf, IdempotencyInterceptor, Metrics, Roles, ValidBody, ValidParam } from '@bildungsregion/http';
import { eventIdFor } from '@bildungsregion/bus';
import { z } from 'zod';
import { CommandOutcome, CommandRequest, Monitoring } from '../application/monitoring';
import { CorrectionRequest, DefineIndicatorRequest, key, MeasurementRequest, ReleaseRequest, ReviseIndicatorRequest, ThresholdsRequest } from './monitoring-requests';

/** What every command answers: the stream's new revision (also in `ETag`) and what was recorded. */
export interface CommandResponse {
  readonly revision: number;
  readonly events: readonly { readonly eventId: string; readonly type: string }[];
}

const WRITERS = ['coordinator', 'admin'] as const;

function CommandRoute(path: string, status: 200 | 201, body: z.ZodType, operation: ApiOperationOptions): MethodDecorator {
  return applyDecorators(Post(path), HttpCode(status), Roles(...WRITERS), ApiOperation(operation), ApiJsonBody(body));
}

@ApiTags('monitoring commands')
@ApiHeader({ name: 'If-Match', required: false, description: "ETag of the indicator's revision the change is based on; 409 when it has changed since." })
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A retried request with the same key returns the first response and records nothing twice.' })
@ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'Carried into the recorded events and the logs; generated when absent.' })
@ApiConflictResponse({ description: 'Invalid transition, or a stale If-Match (problem+json).' })
@ApiUnprocessableEntityResponse({ description: 'The command breaks a business rule (problem+json).' })
@UseInterceptors(IdempotencyInterceptor)
@Controller()
export class MonitoringCommandsController {
  private readonly commands;

  constructor(
    private readonly monitoring: Monitoring,
    @Inject(Metrics) metrics: Metrics,
  ) {
    this.commands = metrics.counter('monitoring_commands_total', 'Commands by type and outcome', ['command', 'outcome']);
  }

  @CommandRoute('indicators', 201, DefineIndicatorRequest, { summary: 'Define an indicator of the catalogue' })
  async define(@ValidBody(DefineIndicatorRequest) body: z.output<typeof DefineIndicatorRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse> {
    const { thresholds, ...definition } = body;
    const response = await this.run('DefineIndicator', caller, () => this.monitoring.defineIndicator(definition, thresholds, this.request(caller)));
    caller.setHeader('Location', `/indicators/${body.key}`);
    return response;
  }

  @CommandRoute('indicators/:key/revisions', 200, ReviseIndicatorRequest, { summary: "Revise an indicator's name, stage, definition, source or direction", description: 'Unit and periodicity stay, since the measurements are read by them.' })
  @ApiPathParam('key', key, 'The indicator key')
  revise(@ValidParam('key', key) indicator: string, @ValidBody(ReviseIndicatorRequest) body: z.output<typeof ReviseIndicatorRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse> {
    return this.run('ReviseIndicator', caller, () => this.monitoring.reviseIndicator(indicator, body.changes, { ...this.request(caller), reason: body.reason }));
  }

  @CommandRoute('indicators/:key/thresholds', 200, ThresholdsRequest, { summary: "Set the indicator's thresholds", description: 'A measurement that crosses one in the bad direction publishes a threshold breach.' })
  @ApiPathParam('key', key, 'The indicator key')
  setThresholds(@ValidParam('key', key) indicator: string, @ValidBody(ThresholdsRequest) body: z.output<typeof ThresholdsRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse> {
    return this.run('SetThresholds', caller, () => this.monitoring.setThresholds(indicator, body.thresholds, { ...this.request(caller), ...(body.reason ? { reason: body.reason } : {}) }));
  }

  @CommandRoute('measurements', 201, MeasurementRequest, { summary: 'Record a measurement', description: 'One value of an indicator for a region and period, optionally for a subgroup. Sending the same value again records nothing.' })
  async record(@ValidBody(MeasurementRequest) body: z.output<typeof MeasurementRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse & { measurementId: string }> {
    const { indicatorKey, source, breakdown, ...slot } = body;
    const measurement = { ...slot, ...(breakdown && Object.keys(breakdown).length > 0 ? { breakdown } : {}), ...(source ? { source } : {}) };
    const response = await this.run('RecordMeasurement', caller, () => this.monitoring.recordMeasurement(indicatorKey, measurement, this.request(caller)));
    caller.setHeader('Location', `/indicators/${indicatorKey}/series?region=${body.regionKey}`);
    return response;
  }

  @CommandRoute('indicators/:key/corrections', 200, CorrectionRequest, { summary: 'Correct a measurement', description: 'Names the region and period (and subgroup); the earlier value stays in the history with the reason.' })
  @ApiPathParam('key', key, 'The indicator key')
  correct(@ValidParam('key', key) indicator: string, @ValidBody(CorrectionRequest) body: z.output<typeof CorrectionRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse> {
    const { value, reason, breakdown, ...slot } = body;
    return this.run('CorrectMeasurement', caller, () =>
      this.monitoring.correctMeasurement(indicator, { ...slot, ...(breakdown && Object.keys(breakdown).length > 0 ? { breakdown } : {}) }, value, { ...this.request(caller), reason }),
    );
  }

  @CommandRoute('releases', 201, ReleaseRequest, { summary: 'Publish a data release', description: 'Declares the measurements of the named periods final; every indicator it names must have one.' })
  async publish(@ValidBody(ReleaseRequest) body: z.output<typeof ReleaseRequest>, @CurrentCaller() caller: Caller): Promise<CommandResponse & { releaseId: string; indicatorKeys: string[] }> {
    const releaseId = caller.idempotencyKey ? eventIdFor('release', caller.principal.id, caller.idempotencyKey) : undefined;
    const response = await this.run('PublishRelease', caller, () => this.monitoring.publishRelease(body, this.request(caller), releaseId));
    caller.setHeader('Location', `/releases/${response.releaseId}`);
    return response;
  }

  private request(caller: Caller): CommandRequest {
    return {
      principal: caller.principal,
      correlationId: caller.correlationId,
      ...(caller.expectedRevision !== undefined ? { expectedRevision: caller.expectedRevision } : {}),
    };
  }

  /** Runs a use case, counts it, sets the ETag, and answers with the revision, the events and whatever else the use case returned. */
  private async run<Outcome extends CommandOutcome>(command: string, caller: Caller, execute: () => Promise<Outcome>): Promise<CommandResponse & Omit<Outcome, keyof CommandOutcome>> {
    let outcome: Outcome;
    try {
      outcome = await execute();
    } catch (error) {
      this.commands.inc({ command, outcome: 'refused' });
      throw error;
    }
    this.commands.inc({ command, outcome: 'accepted' });
    caller.setHeader('ETag', etagOf(outcome.revision));
    const { revision, events, ...rest } = outcome;
    return { ...rest, revision, events: events.map((event) => ({ eventId: event.id, type: event.type })) };
  }
}
