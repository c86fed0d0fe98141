import { DomainEvent } from '@bildungsregion/decider';
import { PlanningStage } from './capacity';
import { InstitutionType } from './institution';

export const MEASURE_STATUSES = ['planned', 'approved', 'implemented', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Places a measure adds to one stage at one institution, from a day on (a new group, an extension). */
export interface CapacityEffect {
  readonly institutionId: string;
  readonly stage: PlanningStage;
  readonly places: number;
  readonly effectiveFrom: string;
}

/** What a measure costs, in euros: once to build, and every year to run. */
export interface MeasureCost {
  readonly investment?: number;
  readonly annual?: number;
}

/** A measure (Maßnahme) as planned: what, where, what it adds, what it costs and which goals it serves. */
export interface MeasureTerms {
  readonly title: string;
  readonly description: string;
  /** The municipality it is for, or the district for measures across it. */
  readonly regionKey: string;
  readonly effect?: CapacityEffect;
  readonly cost?: MeasureCost;
  readonly goalIds: readonly string[];
}

/** The idea a measure was drafted from, when an accepted idea was promoted to a measure. */
export interface MeasureOrigin {
  readonly ideaId: string;
  readonly promotionId: string;
}

/** An authority's decision to carry a measure out, e.g. a council resolution. */
export interface MeasureApproval {
  readonly authority: string;
  readonly decidedOn: string;
}

/** The institution a capacity effect names, as the store holds it when the command is decided. */
export interface EffectInstitution {
  readonly institutionId: string;
  readonly type: InstitutionType;
  readonly regionKey: string;
  readonly closedFrom?: string;
}

export interface Measure {
  readonly status: 'none' | MeasureStatus;
  readonly terms?: MeasureTerms;
  readonly approval?: MeasureApproval;
}

export type MeasureEvent =
  | DomainEvent<'MeasurePlanned', { measureId: string; terms: MeasureTerms; origin?: MeasureOrigin }>
  | DomainEvent<'MeasureRevised', { terms: MeasureTerms; reason: string }>
  | DomainEvent<'MeasureApproved', MeasureApproval>
  | DomainEvent<'MeasureImplemented', { implementedOn: string }>
  | DomainEvent<'MeasureDropped', { reason: string }>;

export type MeasureCommand =
  | {
      readonly type: 'PlanMeasure';
      readonly measureId: string;
      readonly terms: MeasureTerms;
      readonly origin?: MeasureOrigin;
      /** The institution the effect names; absent when it names none or one the store does not know. */
      readonly institution?: EffectInstitution;
    }
  | {
      readonly type: 'ReviseMeasure';
      readonly terms: MeasureTerms;
      readonly reason: string;
      readonly institution?: EffectInstitution;
    }
  | { readonly type: 'ApproveMeasure'; readonly approval: MeasureApproval }
  | { readonly type: 'ImplementMeasure'; readonly implementedOn: string }
  | { readonly type: 'DropMeasure'; readonly reason: string };
