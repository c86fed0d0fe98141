import { Assessment, GoalTerms, ProgressRecord } from './goal';

/** What the trajectory depends on. */
export type Trajectory = Pick<GoalTerms, 'baseline' | 'target' | 'milestones' | 'direction'>;

/**
 * How far behind the planned trajectory a goal may fall, as a share of the distance from baseline
 * to target, and still count as on track, or as merely at risk.
 */
export const ON_TRACK_TOLERANCE = 0.05;
export const AT_RISK_TOLERANCE = 0.15;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

/**
 * The value the goal should have reached on a date: the straight line from the baseline through the
 * milestones to the target, flat before the baseline and after the due date.
 */
export function plannedValueOn(terms: Trajectory, date: string): number {
  const points = [
    { date: terms.baseline.date, value: terms.baseline.value },
    ...[...terms.milestones].sort((a, b) => a.date.localeCompare(b.date)),
    { date: terms.target.dueDate, value: terms.target.value },
  ];
  const day = dayNumber(date);
  const first = points[0] as { date: string; value: number };
  if (day <= dayNumber(first.date)) return first.value;
  for (let index = 1; index < points.length; index++) {
    const from = points[index - 1] as { date: string; value: number };
    const to = points[index] as { date: string; value: number };
    const start = dayNumber(from.date);
    const end = dayNumber(to.date);
    if (day <= end)
      return end === start ? to.value : from.value + ((to.value - from.value) * (day - start)) / (end - start);
  }
  return terms.target.value;
}

/** A corner of the planned line: the line runs straight from each to the next. */
export interface PlannedPoint {
  readonly date: string;
  readonly value: number;
  readonly kind: 'baseline' | 'milestone' | 'target';
}

/**
 * The planned line and how far below it (in the goal's bad direction) a value is still on track or
 * at risk, in the goal's unit: what a chart of the goal draws.
 */
export interface PlannedTrajectory {
  readonly points: readonly PlannedPoint[];
  readonly direction: Trajectory['direction'];
  readonly onTrackMargin: number;
  readonly atRiskMargin: number;
}

export function plannedTrajectory(terms: Trajectory): PlannedTrajectory {
  const range = Math.abs(terms.target.value - terms.baseline.value);
  return {
    points: [
      { date: terms.baseline.date, value: terms.baseline.value, kind: 'baseline' },
      ...[...terms.milestones]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((milestone) => ({ ...milestone, kind: 'milestone' as const })),
      { date: terms.target.dueDate, value: terms.target.value, kind: 'target' },
    ],
    direction: terms.direction,
    onTrackMargin: range * ON_TRACK_TOLERANCE,
    atRiskMargin: range * AT_RISK_TOLERANCE,
  };
}

/** The latest value by the date it describes; of two for the same date, the one recorded later. */
export function latestProgress(progress: readonly ProgressRecord[]): ProgressRecord | undefined {
  let latest: ProgressRecord | undefined;
  for (const record of progress) if (!latest || record.asOf >= latest.asOf) latest = record;
  return latest;
}

/** On track, at risk or off track: the latest value against the trajectory; null before any progress. */
export function assess(terms: Trajectory, progress: readonly ProgressRecord[]): Assessment | null {
  const latest = latestProgress(progress);
  if (!latest) return null;
  const planned = plannedValueOn(terms, latest.asOf);
  const shortfall = terms.direction === 'higher' ? planned - latest.value : latest.value - planned;
  const share = shortfall / Math.abs(terms.target.value - terms.baseline.value);
  if (share <= ON_TRACK_TOLERANCE) return 'on-track';
  if (share <= AT_RISK_TOLERANCE) return 'at-risk';
  return 'off-track';
}
