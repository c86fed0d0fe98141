import { trajectoryChartData } from './chart-data';
import type { PlannedTrajectory } from './goal-types';

const higher: PlannedTrajectory = {
  points: [
    { date: '2026-01-01', value: 30, kind: 'baseline' },
    { date: '2027-01-01', value: 40, kind: 'milestone' },
    { date: '2028-01-01', value: 50, kind: 'target' },
  ],
  direction: 'higher',
  onTrackMargin: 1,
  atRiskMargin: 3,
};

describe('the trajectory chart’s data', () => {
  it('lays the on-track and at-risk bands behind the planned line, below it when higher is better', () => {
    const data = trajectoryChartData(higher, [], '2026-11-27');
    expect(data.onTrack.map((corner) => [corner.low, corner.high])).toEqual([
      [29, 30],
      [39, 40],
      [49, 50],
    ]);
    expect(data.atRisk.map((corner) => [corner.low, corner.high])).toEqual([
      [27, 29],
      [37, 39],
      [47, 49],
    ]);
    expect(data.planned.map((point) => point.kind)).toEqual(['baseline', 'milestone', 'target']);
    expect(data.today.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('lays them above the line when lower is better', () => {
    const data = trajectoryChartData({ ...higher, direction: 'lower' }, [], '2026-11-27');
    expect([data.onTrack[0]!.low, data.onTrack[0]!.high, data.atRisk[0]!.low, data.atRisk[0]!.high]).toEqual([
      30, 31, 31, 33,
    ]);
  });

  it('orders the recorded values by date and tells manual, monitoring and corrected values apart', () => {
    const data = trajectoryChartData(
      higher,
      [
        { progressId: 'b', value: 36, asOf: '2026-10-31', source: 'monitoring', originalValue: 35 },
        { progressId: 'a', value: 33, asOf: '2026-03-31', source: 'manual' },
      ],
      '2026-11-27',
    );
    expect(data.actual.map((point) => [point.date.toISOString().slice(0, 10), point.source, point.corrected])).toEqual([
      ['2026-03-31', 'manual', false],
      ['2026-10-31', 'monitoring', true],
    ]);
  });
});
