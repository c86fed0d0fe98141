import { accept, Decider, DomainEvent } from '@bildungsregion/decider';

/** How far a measure has come; a measure never goes back, and a dropped one stays dropped. */
export const MEASURE_PROGRESS = ['planned', 'approved', 'implemented', 'dropped'] as const;
export type MeasureProgress = (typeof MEASURE_PROGRESS)[number];

/** What planning announced of a measure: enough to list it on the goals it serves. */
export interface MeasureOutline {
  readonly measureId: string;
  readonly title: string;
  readonly regionKey: string;
  readonly goalIds: readonly string[];
}

/** The goals service's own record of a measure planning announced (Maßnahme). */
export interface LinkedMeasure {
  readonly known: boolean;
  readonly outline?: MeasureOutline;
  readonly status: MeasureProgress;
}

export type LinkedMeasureEvent =
  | DomainEvent<'MeasureBecameKnown', MeasureOutline>
  | DomainEvent<'KnownMeasureRevised', MeasureOutline>
  | DomainEvent<'KnownMeasureProgressed', { status: Exclude<MeasureProgress, 'planned'>; on: string }>;

export type LinkedMeasureCommand =
  | { readonly type: 'NotePlanned'; readonly outline: MeasureOutline }
  | { readonly type: 'NoteRevised'; readonly outline: MeasureOutline }
  | { readonly type: 'NoteProgress'; readonly status: Exclude<MeasureProgress, 'planned'>; readonly on: string };

const sameOutline = (a: MeasureOutline, b: MeasureOutline | undefined) =>
  b !== undefined && a.title === b.title && a.regionKey === b.regionKey && a.goalIds.join() === b.goalIds.join();

/** Notes planning's announcements; a redelivered or out-of-date one changes nothing. */
export const linkedMeasureDecider: Decider<LinkedMeasureCommand, LinkedMeasure, LinkedMeasureEvent> = {
  initialState: { known: false, status: 'planned' },
  decide: (command, measure) => {
    switch (command.type) {
      case 'NotePlanned':
        return measure.known ? accept() : accept({ type: 'MeasureBecameKnown', data: command.outline });
      case 'NoteRevised':
        if (sameOutline(command.outline, measure.outline)) return accept();
        return accept({ type: measure.known ? 'KnownMeasureRevised' : 'MeasureBecameKnown', data: command.outline });
      case 'NoteProgress': {
        const ahead = MEASURE_PROGRESS.indexOf(command.status) > MEASURE_PROGRESS.indexOf(measure.status);
        return measure.known && ahead && measure.status !== 'dropped'
          ? accept({ type: 'KnownMeasureProgressed', data: { status: command.status, on: command.on } })
          : accept();
      }
    }
  },
  evolve: (measure, event) => {
    switch (event.type) {
      case 'MeasureBecameKnown':
        return { known: true, outline: event.data, status: 'planned' };
      case 'KnownMeasureRevised':
        return { ...measure, outline: event.data };
      case 'KnownMeasureProgressed':
        return { ...measure, status: event.data.status };
    }
  },
};
