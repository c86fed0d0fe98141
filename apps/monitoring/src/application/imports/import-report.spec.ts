import { RecordedEvent, Upcasters } from '@bildungsregion/event-store';
import {
  groupRejections,
  importReportUpcasters,
  MAX_RANGES_PER_REASON,
  MAX_REASONS,
  OTHER_REASONS,
  rejectionPage,
} from './import-report';

describe('import reports', () => {
  it('groups rejected rows by reason, their lines as ranges, in order of each reason’s first line', () => {
    const groups = groupRejections([
      { line: 9, reason: 'value is not a number' },
      { line: 3, reason: 'value is not a number' },
      { line: 4, reason: 'value is not a number' },
      { line: 5, reason: 'has 3 fields, the header has 4' },
    ]);
    expect(groups).toEqual([
      {
        reason: 'value is not a number',
        count: 3,
        lines: [
          [3, 4],
          [9, 9],
        ],
      },
      { reason: 'has 3 fields, the header has 4', count: 1, lines: [[5, 5]] },
    ]);
    expect(rejectionPage(groups, { offset: 1, limit: 2 })).toEqual({
      total: 4,
      items: [
        { line: 4, reason: 'value is not a number' },
        { line: 5, reason: 'has 3 fields, the header has 4' },
      ],
    });
  });

  it('keeps the first reasons and ranges of a file with very many, with exact counts', () => {
    const many = Array.from({ length: MAX_REASONS + 50 }, (_, index) => ({
      line: index + 2,
      reason: `reason ${index}`,
    }));
    const groups = groupRejections(many);
    expect(groups).toHaveLength(MAX_REASONS + 1);
    expect(groups.at(-1)).toEqual({ reason: OTHER_REASONS, count: 50, lines: [[MAX_REASONS + 2, MAX_REASONS + 51]] });
    const scattered = Array.from({ length: MAX_RANGES_PER_REASON + 10 }, (_, index) => ({
      line: 2 * index + 2,
      reason: 'x',
    }));
    const [group] = groupRejections(scattered);
    expect(group).toMatchObject({ count: MAX_RANGES_PER_REASON + 10, linesCut: true });
    expect(group?.lines).toHaveLength(MAX_RANGES_PER_REASON);
  });

  it('reads a report of version 1, which listed every rejected row, as a grouped one', () => {
    const stored = {
      type: 'MeasurementsImported',
      data: {
        rows: 3,
        rejected: 2,
        rejections: [
          { line: 2, reason: 'r' },
          { line: 3, reason: 'r' },
        ],
      },
      metadata: { schemaVersion: 1 },
    } as unknown as RecordedEvent;
    expect(new Upcasters(importReportUpcasters).upcast(stored).data).toEqual({
      rows: 3,
      rejected: 2,
      rejectionsByReason: [{ reason: 'r', count: 2, lines: [[2, 3]] }],
    });
  });
});
