import { CommandRejectedError, NotFoundError, ServiceActor } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import {
  DataOf,
  IntegrationEvent,
  MeasurementCorrected,
  MeasurementRecorded,
  periodEndDate,
} from '@bildungsregion/contracts';
import { GoalCommand } from '../domain/goal';
import { GoalCommands } from './goal-commands';
import { GoalListQueries } from './goal-list/goal-list.queries';

/** The actor recorded on progress that monitoring moved; the person behind it is in the provenance. */
export const MONITORING_CONSUMER: ServiceActor = { id: 'goals.monitoring-consumer', role: 'service' };

/** What happened to one goal on one measurement event. */
export type ReactionOutcome = 'applied' | 'unchanged' | 'not-agreed' | 'before-baseline' | 'not-recorded' | 'breakdown';

/** Rejections that mean "this measurement does not concern the goal (now)", not a failure. */
const NOT_APPLICABLE: Record<string, ReactionOutcome> = {
  'not-agreed': 'not-agreed',
  'not-agreed-or-suspended': 'not-agreed',
  'progress-before-baseline': 'before-baseline',
  'progress-not-found': 'not-recorded',
};

export class UnreadablePeriodError extends Error {}

/**
 * How goals react to monitoring: a measurement of the indicator and region a goal is linked to
 * becomes progress on every such goal that is agreed; a corrected measurement corrects that progress.
 * Everything derives from the integration event's id, so a redelivered message records nothing twice.
 */
export class MeasurementReactions {
  /**
   * @param readModelsCurrent resolves once the goal list holds every goal stored so far, so a goal
   * agreed just before a measurement arrives (or a list still rebuilding after a restart) is not missed.
   */
  constructor(
    private readonly commands: GoalCommands,
    private readonly list: GoalListQueries,
    private readonly readModelsCurrent: () => Promise<void>,
  ) {}

  async measurementRecorded(event: IntegrationEvent<DataOf<typeof MeasurementRecorded>>): Promise<ReactionOutcome[]> {
    const { data } = event;
    // Goals follow the whole population; values for a subgroup do not move them.
    if (data.breakdown && (data.breakdown.sex || data.breakdown.nationality)) return ['breakdown'];
    const asOf = periodEndDate(data.period);
    if (asOf === null)
      throw new UnreadablePeriodError(
        `The measurement ${data.measurementId} has the period ${data.period}, which is not a real year, school year or date.`,
      );
    await this.readModelsCurrent();
    const goalIds = await this.list.linkedTo(data.indicatorKey, data.regionKey);
    const outcomes: ReactionOutcome[] = [];
    for (const goalId of goalIds) {
      const command: GoalCommand = {
        type: 'RecordProgress',
        progressId: eventIdFor('progress', event.id, goalId),
        value: data.value,
        asOf,
        source: 'monitoring',
        measurementId: data.measurementId,
        measurement: {
          eventId: event.id,
          indicatorKey: data.indicatorKey,
          regionKey: data.regionKey,
          period: data.period,
          value: data.value,
          source: data.source,
          recordedBy: data.recordedBy,
          recordedAt: event.time,
          correlationId: event.correlationId,
          ...(data.importId ? { importId: data.importId } : {}),
        },
      };
      outcomes.push(await this.apply(goalId, command, event, { effectiveAt: asOf }));
    }
    return outcomes;
  }

  async measurementCorrected(event: IntegrationEvent<DataOf<typeof MeasurementCorrected>>): Promise<ReactionOutcome[]> {
    const { data } = event;
    const outcomes: ReactionOutcome[] = [];
    await this.readModelsCurrent();
    for (const goalId of await this.list.linkedTo(data.indicatorKey, data.regionKey)) {
      const progressId = await this.commands.progressOfMeasurement(goalId, data.measurementId);
      if (!progressId) {
        outcomes.push('not-recorded');
        continue;
      }
      const command: GoalCommand = {
        type: 'CorrectProgress',
        progressId,
        value: data.value,
        reason: `Korrektur im Bildungsmonitoring: ${data.reason}`,
        measurementCorrection: { eventId: event.id, correctedBy: data.correctedBy },
      };
      outcomes.push(await this.apply(goalId, command, event, { reason: command.reason }));
    }
    return outcomes;
  }

  private async apply(
    goalId: string,
    command: GoalCommand,
    event: IntegrationEvent,
    grounds: { effectiveAt?: string; reason?: string },
  ): Promise<ReactionOutcome> {
    try {
      const outcome = await this.commands.execute(goalId, command, {
        principal: MONITORING_CONSUMER,
        correlationId: event.correlationId,
        causationId: event.id,
        ...grounds,
      });
      return outcome.events.length > 0 ? 'applied' : 'unchanged';
    } catch (error) {
      if (error instanceof NotFoundError) return 'not-recorded';
      if (error instanceof CommandRejectedError && NOT_APPLICABLE[error.rejection.code])
        return NOT_APPLICABLE[error.rejection.code] as ReactionOutcome;
      throw error;
    }
  }
}
