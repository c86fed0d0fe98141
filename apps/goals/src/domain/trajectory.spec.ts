import { assess, latestProgress, plannedTrajectory, plannedValueOn, Trajectory } from './trajectory';

const terms: Trajectory = {
  baseline: { value: 20, date: '2026-01-01' },
  target: { value: 10, dueDate: '2028-01-01' },
  milestones: [{ date: '2027-01-01', value: 12 }],
  direction: 'lower',
};

describe('the trajectory from baseline to target', () => {
  it('runs straight through the milestones and stays flat outside the goal period', () => {
    expect(plannedValueOn(terms, '2025-06-01')).toBe(20);
    expect(plannedValueOn(terms, '2026-07-02')).toBeCloseTo(16, 1);
    expect(plannedValueOn(terms, '2027-01-01')).toBe(12);
    expect(plannedValueOn(terms, '2027-07-02')).toBeCloseTo(11, 1);
    expect(plannedValueOn(terms, '2030-01-01')).toBe(10);
  });

  it('gives a chart the corners of the planned line in date order and the margins that assess() uses', () => {
    const planned = plannedTrajectory({
      ...terms,
      milestones: [{ date: '2027-06-01', value: 11 }, ...terms.milestones],
    });
    expect(planned.points.map((point) => [point.date, point.kind])).toEqual([
      ['2026-01-01', 'baseline'],
      ['2027-01-01', 'milestone'],
      ['2027-06-01', 'milestone'],
      ['2028-01-01', 'target'],
    ]);
    expect([planned.onTrackMargin, planned.atRiskMargin]).toEqual([0.5, 1.5]);
    const at = (value: number) => assess(terms, [{ progressId: 'p', value, asOf: '2027-01-01', source: 'manual' }]);
    expect([
      at(12 + planned.onTrackMargin),
      at(12 + planned.atRiskMargin),
      at(12 + planned.atRiskMargin + 0.01),
    ]).toEqual(['on-track', 'at-risk', 'off-track']);
  });

  it('assesses the latest value against the planned one, in the preferred direction', () => {
    const at = (value: number) => assess(terms, [{ progressId: 'p', value, asOf: '2027-01-01', source: 'manual' }]);
    expect(at(11)).toBe('on-track');
    expect(at(12.5)).toBe('on-track');
    expect(at(13)).toBe('at-risk');
    expect(at(13.5)).toBe('at-risk');
    expect(at(14)).toBe('off-track');
    expect(assess(terms, [])).toBeNull();
  });

  it('takes the value with the latest date, and of equal dates the one recorded last', () => {
    const progress = [
      { progressId: 'a', value: 1, asOf: '2027-02-01', source: 'manual' as const },
      { progressId: 'b', value: 2, asOf: '2026-02-01', source: 'manual' as const },
      { progressId: 'c', value: 3, asOf: '2027-02-01', source: 'manual' as const },
    ];
    expect(latestProgress(progress)?.progressId).toBe('c');
  });
});
