import { accept, Decider, DomainEvent } from '@bildungsregion/decider';
import { PlanningStage } from './capacity';

/** One municipality's balance of one stage in one plan year, as the status-quo plan computed it. */
export interface GapFigures {
  readonly regionKey: string;
  readonly stage: PlanningStage;
  readonly year: number;
  readonly demand: number;
  readonly supply: number;
  readonly balance: number;
  readonly missingGroups: number;
  /** The measures counted in the supply. */
  readonly measureIds: readonly string[];
  /** The status-quo scenario version the plan was computed with. */
  readonly scenarioVersion: number;
}

export interface Gap {
  readonly open: boolean;
}

export type GapEvent = DomainEvent<'GapIdentified', GapFigures> | DomainEvent<'GapClosed', GapFigures>;
export type GapCommand = { readonly type: 'ObserveBalance'; readonly figures: GapFigures };

/**
 * A gap (Versorgungslücke) opens when the balance falls below zero and closes when it is zero or
 * more again: one event per crossing, however often the plan is computed in between.
 */
export const gapDecider: Decider<GapCommand, Gap, GapEvent> = {
  initialState: { open: false },
  decide: ({ figures }, gap) => {
    const short = figures.balance < 0;
    if (short === gap.open) return accept();
    return accept({ type: short ? 'GapIdentified' : 'GapClosed', data: figures });
  },
  evolve: (_gap, event) => ({ open: event.type === 'GapIdentified' }),
};
