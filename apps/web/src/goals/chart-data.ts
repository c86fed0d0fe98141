import type { PlannedTrajectory, ProgressRecord } from './goal-types';

export interface ChartPoint {
  readonly date: Date;
  readonly value: number;
}

/** A band of the chart: between `low` and `high` at each corner of the planned line. */
export interface BandCorner {
  readonly date: Date;
  readonly low: number;
  readonly high: number;
}

export interface ActualPoint extends ChartPoint {
  readonly source: ProgressRecord['source'];
  readonly corrected: boolean;
}

export interface TrajectoryChartData {
  readonly planned: readonly (ChartPoint & { kind: 'baseline' | 'milestone' | 'target' })[];
  /** Values here are on track. */
  readonly onTrack: readonly BandCorner[];
  /** Values here are at risk; beyond it, off track. */
  readonly atRisk: readonly BandCorner[];
  readonly actual: readonly ActualPoint[];
  readonly today: Date;
}

const day = (isoDate: string) => new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);

/**
 * What the trajectory chart draws: the planned line, the on-track band (up to the on-track margin
 * behind the line) and the at-risk band (up to the at-risk margin), in the goal's bad direction; and
 * the recorded values in date order. The planned line is straight between corners, so the bands are.
 */
export function trajectoryChartData(
  trajectory: PlannedTrajectory,
  progress: readonly ProgressRecord[],
  today: string,
): TrajectoryChartData {
  const behind = trajectory.direction === 'higher' ? -1 : 1;
  const band = (from: number, to: number): BandCorner[] =>
    trajectory.points.map((point) => {
      const a = point.value + behind * from;
      const b = point.value + behind * to;
      return { date: day(point.date), low: Math.min(a, b), high: Math.max(a, b) };
    });
  return {
    planned: trajectory.points.map((point) => ({ date: day(point.date), value: point.value, kind: point.kind })),
    onTrack: band(0, trajectory.onTrackMargin),
    atRisk: band(trajectory.onTrackMargin, trajectory.atRiskMargin),
    actual: [...progress]
      .sort((a, b) => a.asOf.localeCompare(b.asOf))
      .map((record) => ({
        date: day(record.asOf),
        value: record.value,
        source: record.source,
        corrected: typeof record['originalValue'] === 'number',
      })),
    today: day(today),
  };
}
