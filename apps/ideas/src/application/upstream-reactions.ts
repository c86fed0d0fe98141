import { CommandRejectedError, ServiceActor } from '@bildungsregion/application';
import { eventIdFor } from '@bildungsregion/bus';
import {
  AssessmentChanged,
  DataOf,
  GoalDrafted,
  IntegrationEvent,
  MeasurePlanned,
  ThresholdBreached,
} from '@bildungsregion/contracts';
import { District } from '@bildungsregion/reference-data';
import { CallCause, CallTerms } from '../domain/call';
import { CallCommands } from './calls/call-commands';
import { IdeaCommands } from './idea-commands';

/** The actor recorded on what ideas does by itself in reaction to monitoring and goals. */
export const UPSTREAM_CONSUMER: ServiceActor = { id: 'ideas.upstream-consumer', role: 'service' };

export type ReactionOutcome = 'drafted' | 'already-drafted' | 'not-a-problem' | 'recorded' | 'unchanged' | 'unknown';

/** The call a threshold breach drafts: one per indicator, region and period, however often it is reported. */
export const callIdForBreach = (indicatorKey: string, regionKey: string, period: string): string =>
  eventIdFor('call-for-breach', indicatorKey, regionKey, period);

/** The call a goal's assessment change drafts: one per change (the integration event). */
export const callIdForAssessment = (eventId: string): string => eventIdFor('call-for-assessment', eventId);

const ASSESSMENT_WORDS: Record<string, string> = { 'at-risk': 'gefährdet', 'off-track': 'nicht auf Kurs' };

/**
 * How ideas reacts to the other services: a problem reported by monitoring (a threshold breach) or
 * goals (a goal at risk or off track) drafts a call for ideas for a coordinator to review; a goal or
 * measure drafted from a promoted idea is noted on the idea.
 */
export class UpstreamReactions {
  constructor(
    private readonly calls: CallCommands,
    private readonly ideas: IdeaCommands,
    private readonly district: District,
  ) {}

  thresholdBreached(event: IntegrationEvent<DataOf<typeof ThresholdBreached>>): Promise<ReactionOutcome> {
    const { indicatorKey, regionKey, period, value, threshold } = event.data;
    const region = this.district.regionOf(regionKey);
    const where = region?.name ?? regionKey;
    const terms: CallTerms = {
      theme: `Ideen zu ${indicatorKey} in ${where}`,
      description: `Im Bildungsmonitoring lag ${indicatorKey} in ${where} für ${period} bei ${value} und hat den Schwellenwert ${threshold} verletzt. Entwurf zur Prüfung: Thema, Bildungsbereich und Zeitraum vor dem Öffnen festlegen.`,
      stages: [],
      regionKeys: region ? [regionKey] : [],
      targetGroups: [],
      criteria: [],
      evaluatorPool: [],
    };
    const cause: CallCause = {
      kind: 'threshold-breach',
      eventId: event.id,
      indicatorKey,
      regionKey,
      period,
      value,
      threshold,
    };
    return this.draft(callIdForBreach(indicatorKey, regionKey, period), terms, cause, event);
  }

  assessmentChanged(event: IntegrationEvent<DataOf<typeof AssessmentChanged>>): Promise<ReactionOutcome> {
    const { goalId, from, to, asOf } = event.data;
    const words = ASSESSMENT_WORDS[to];
    if (!words) return Promise.resolve('not-a-problem');
    const terms: CallTerms = {
      theme: `Ideen für ein Ziel, das ${words} ist`,
      description: `Die Zielkontrolle stuft das Ziel ${goalId} am ${asOf} als ${words} ein. Entwurf zur Prüfung: Thema, Bildungsbereich und Zeitraum vor dem Öffnen festlegen.`,
      stages: [],
      regionKeys: [],
      targetGroups: [],
      criteria: [],
      evaluatorPool: [],
    };
    const cause: CallCause = { kind: 'goal-assessment', eventId: event.id, goalId, from, to, asOf };
    return this.draft(callIdForAssessment(event.id), terms, cause, event);
  }

  goalDrafted(event: IntegrationEvent<DataOf<typeof GoalDrafted>>): Promise<ReactionOutcome> {
    return this.promotionRealised(event, event.data.goalId, event.data.origin);
  }

  measurePlanned(event: IntegrationEvent<DataOf<typeof MeasurePlanned>>): Promise<ReactionOutcome> {
    return this.promotionRealised(event, event.data.measureId, event.data.origin);
  }

  /** The goal or measure a promotion became is noted on the idea. */
  private async promotionRealised(
    event: IntegrationEvent,
    resultId: string,
    origin: { readonly ideaId: string; readonly promotionId: string } | undefined,
  ): Promise<ReactionOutcome> {
    if (!origin) return 'not-a-problem';
    try {
      const outcome = await this.ideas.ideas.execute(
        origin.ideaId,
        { type: 'RecordPromotionResult', promotionId: origin.promotionId, resultId },
        this.requestFor(event),
      );
      return outcome.events.length > 0 ? 'recorded' : 'unchanged';
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'promotion-unknown') return 'unknown';
      throw error;
    }
  }

  private async draft(
    callId: string,
    terms: CallTerms,
    cause: CallCause,
    event: IntegrationEvent,
  ): Promise<ReactionOutcome> {
    try {
      await this.calls.draft(terms, this.requestFor(event), { callId, cause });
      return 'drafted';
    } catch (error) {
      if (error instanceof CommandRejectedError && error.rejection.code === 'call-exists') return 'already-drafted';
      throw error;
    }
  }

  private requestFor(event: IntegrationEvent) {
    return { principal: UPSTREAM_CONSUMER, correlationId: event.correlationId, causationId: event.id };
  }
}
