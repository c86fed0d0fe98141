import { Inject } from '@nestjs/common';
import {
  ApiPathParam,
  Caller,
  CommandController,
  CommandResponse,
  CommandResponses,
  CommandRoute,
  CurrentCaller,
  ValidBody,
  ValidParam,
} from '@bildungsregion/http';
import { z } from 'zod';
import { MeasurementResult, ReleaseResult } from './monitoring-responses';
import { IndicatorCommands } from '../application/indicator-commands';
import { Releases } from '../application/releases/releases';
import {
  CorrectionRequest,
  DefineIndicatorRequest,
  key,
  MeasurementRequest,
  ReleaseRequest,
  ReviseIndicatorRequest,
  ThresholdsRequest,
} from './monitoring-requests';

const WRITERS = ['coordinator', 'admin'] as const;
const KEY = ApiPathParam('key', key, 'The indicator key');

@CommandController('', 'monitoring commands', 'indicator')
export class MonitoringCommandsController {
  constructor(
    private readonly indicators: IndicatorCommands,
    private readonly releases: Releases,
    @Inject(CommandResponses) private readonly responses: CommandResponses,
  ) {}

  @CommandRoute('indicators', 201, DefineIndicatorRequest, WRITERS, { summary: 'Define an indicator of the catalogue' })
  async define(
    @ValidBody(DefineIndicatorRequest) body: z.output<typeof DefineIndicatorRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const { thresholds, ...definition } = body;
    const response = await this.responses.run('DefineIndicator', caller, () =>
      this.indicators.defineIndicator(definition, thresholds, caller.command()),
    );
    caller.setHeader('Location', `/indicators/${body.key}`);
    return response;
  }

  @CommandRoute('indicators/:key/revisions', 200, ReviseIndicatorRequest, WRITERS, {
    summary: "Revise an indicator's name, stage, definition, source or direction",
    description: 'Unit and periodicity stay, since the measurements are read by them.',
  })
  @KEY
  revise(
    @ValidParam('key', key) indicator: string,
    @ValidBody(ReviseIndicatorRequest) body: z.output<typeof ReviseIndicatorRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.responses.run('ReviseIndicator', caller, () =>
      this.indicators.reviseIndicator(indicator, body.changes, { ...caller.command(body), reason: body.reason }),
    );
  }

  @CommandRoute('indicators/:key/thresholds', 200, ThresholdsRequest, WRITERS, {
    summary: "Set the indicator's thresholds",
    description: 'A measurement that crosses one in the bad direction publishes a threshold breach.',
  })
  @KEY
  setThresholds(
    @ValidParam('key', key) indicator: string,
    @ValidBody(ThresholdsRequest) body: z.output<typeof ThresholdsRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    return this.responses.run('SetThresholds', caller, () =>
      this.indicators.setThresholds(indicator, body.thresholds, caller.command(body)),
    );
  }

  @CommandRoute('measurements', 201, MeasurementRequest, WRITERS, {
    summary: 'Record a measurement',
    description:
      'One value of an indicator for a region and period, optionally for a subgroup. Sending the same value again records nothing.',
    result: MeasurementResult,
  })
  async record(
    @ValidBody(MeasurementRequest) body: z.output<typeof MeasurementRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse & { measurementId: string }> {
    const { indicatorKey, source, breakdown, ...slot } = body;
    const measurement = {
      ...slot,
      ...(breakdown && Object.keys(breakdown).length > 0 ? { breakdown } : {}),
      ...(source ? { source } : {}),
    };
    const response = await this.responses.run('RecordMeasurement', caller, () =>
      this.indicators.recordMeasurement(indicatorKey, measurement, caller.command()),
    );
    caller.setHeader('Location', `/indicators/${indicatorKey}/series?region=${body.regionKey}`);
    return response;
  }

  @CommandRoute('indicators/:key/corrections', 200, CorrectionRequest, WRITERS, {
    summary: 'Correct a measurement',
    description: 'Names the region and period (and subgroup); the earlier value stays in the history with the reason.',
  })
  @KEY
  correct(
    @ValidParam('key', key) indicator: string,
    @ValidBody(CorrectionRequest) body: z.output<typeof CorrectionRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse> {
    const { value, reason, breakdown, ...rest } = body;
    const slot = { ...rest, ...(breakdown && Object.keys(breakdown).length > 0 ? { breakdown } : {}) };
    return this.responses.run('CorrectMeasurement', caller, () =>
      this.indicators.correctMeasurement(indicator, slot, value, { ...caller.command(body), reason }),
    );
  }

  @CommandRoute('releases', 201, ReleaseRequest, WRITERS, {
    summary: 'Publish a data release',
    description: 'Declares the measurements of the named periods final; every indicator it names must have one.',
    result: ReleaseResult,
  })
  async publish(
    @ValidBody(ReleaseRequest) body: z.output<typeof ReleaseRequest>,
    @CurrentCaller() caller: Caller,
  ): Promise<CommandResponse & { releaseId: string; indicatorKeys: string[] }> {
    const response = await this.responses.run('PublishRelease', caller, () =>
      this.releases.publish(body, caller.command()),
    );
    caller.setHeader('Location', `/releases/${response.releaseId}`);
    return response;
  }
}
