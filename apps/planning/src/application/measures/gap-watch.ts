import { Aggregates, ServiceActor } from '@bildungsregion/application';
import { createLogger } from '@bildungsregion/bus';
import { EventStore, Subscription } from '@bildungsregion/event-store';
import { District } from '@bildungsregion/reference-data';
import { randomUUID } from 'node:crypto';
import { Gap, GapCommand, gapDecider, GapEvent } from '../../domain/gap';
import { BASELINE_SCENARIO_ID } from '../../domain/scenario';
import { CapacityPlans } from '../capacity/capacity-plans';
import { GAPS, INPUTS, INSTITUTIONS, MEASURES, SCENARIOS, SERVICE_NAME } from '../streams';
import { MeasureQueries } from './measure.queries';

/** The actor recorded on gaps: the plan itself, not a person, found them. */
export const GAP_WATCH: ServiceActor = { id: 'planning.gap-watch', role: 'service' };

/** What the plan is computed from: a change to any of these can open or close a gap. */
const PLAN_CATEGORIES = [INPUTS.name, INSTITUTIONS.name, MEASURES.name, SCENARIOS.name];

const RETRY_MS = 5_000;

export interface GapCheck {
  readonly identified: number;
  readonly closed: number;
}

/**
 * Computes the status-quo plan whenever what it is computed from changes, and records a gap for each
 * municipality, stage and year whose balance crossed zero. A check at start catches up with whatever
 * changed while the service was down; the gap's decider keeps it to one event per crossing, also when
 * two instances check at once.
 */
export class GapWatch {
  readonly gaps: Aggregates<GapCommand, Gap, GapEvent>;
  private readonly logger = createLogger(`${SERVICE_NAME}:gap-watch`);
  private subscription: Subscription | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private pending = false;

  constructor(
    private readonly store: EventStore,
    private readonly plans: CapacityPlans,
    private readonly queries: MeasureQueries,
    private readonly district: District,
    /** How long to wait after a change for the next, so an import of many figures is checked once. */
    private readonly settleMs = 150,
  ) {
    this.gaps = new Aggregates({ store, decider: gapDecider, category: GAPS, source: SERVICE_NAME, noun: 'gap' });
  }

  async start(): Promise<void> {
    const head = await this.store.headPosition();
    const subscription = this.store.subscribe({ after: head, filter: { categories: PLAN_CATEGORIES } }, () =>
      this.schedule(this.settleMs),
    );
    subscription.done.catch((error: Error) =>
      this.logger.error({ err: error }, 'the gap watch stopped following the store'),
    );
    this.subscription = subscription;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Compares the status-quo plan with the open gaps and records every crossing. */
  async check(): Promise<GapCheck> {
    const plan = await this.plans.plan({ scenarioId: BASELINE_SCENARIO_ID });
    const open = new Set((await this.queries.gaps({ status: 'open' })).map((gap) => gap.id));
    const request = { principal: GAP_WATCH, correlationId: randomUUID() };
    let identified = 0;
    let closed = 0;
    for (const row of plan.rows) {
      if (row.regionKey === this.district.region.key || row.balance === null || row.demand === null) continue;
      const gapId = `${row.regionKey}.${row.stage}.${row.year}`;
      if (row.balance < 0 === open.has(gapId)) continue;
      const { regionKey, stage, year, demand, supply, balance, missingGroups } = row;
      const measureIds = row.sources.measures.map((measure) => measure.measureId);
      const figures = { regionKey, stage, year, demand, supply, balance, missingGroups, measureIds };
      const outcome = await this.gaps.execute(
        gapId,
        { type: 'ObserveBalance', figures: { ...figures, scenarioVersion: plan.scenario.version } },
        request,
      );
      for (const event of outcome.events) {
        if (event.type === 'GapIdentified') identified++;
        else closed++;
      }
    }
    return { identified, closed };
  }

  private schedule(delayMs: number): void {
    if (!this.subscription) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), delayMs);
  }

  /** One check at a time; a change during a check leads to one more afterwards. */
  private run(): void {
    if (this.running) {
      this.pending = true;
      return;
    }
    this.running = this.check()
      .then((outcome) => {
        if (outcome.identified + outcome.closed > 0) this.logger.info(outcome, 'gaps changed');
      })
      .then(
        () => this.settleMs,
        (error: Error) => {
          this.logger.error({ err: error }, `the gap check failed; trying again in ${RETRY_MS / 1_000} s`);
          this.pending = true;
          return RETRY_MS;
        },
      )
      .then((delayMs) => {
        this.running = undefined;
        if (this.pending) {
          this.pending = false;
          this.schedule(delayMs);
        }
      });
  }
}
