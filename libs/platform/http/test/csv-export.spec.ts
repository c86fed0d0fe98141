import { parse } from 'csv-parse/sync';
import { HistoryEntry } from '@bildungsregion/event-store';
import { historyCsv, spreadsheetCsv } from '../src';

describe('CSV exports for spreadsheets', () => {
  it.each(['=HYPERLINK("http://evil.example","Beleg")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises the text cell %j with an apostrophe',
    (text) => {
      const [row] = parse(spreadsheetCsv([[text]], ['reason']), { columns: true }) as { reason: string }[];
      expect(row?.reason).toBe(`'${text}`);
    },
  );

  it('keeps numbers, negative ones too, and harmless text as they are', () => {
    const csv = spreadsheetCsv([[-5, 'Kita-Ausbau 2026', 'a=b']], ['value', 'title', 'note']);
    expect(csv).toBe('value,title,note\n-5,Kita-Ausbau 2026,a=b\n');
  });

  it('neutralises the reason and authority of a history export', () => {
    const entry = {
      revision: 3,
      recordedAt: '2026-11-27T10:00:00.000Z',
      effectiveAt: '2026-11-27T10:00:00.000Z',
      type: 'GoalSuspended',
      actor: { id: 'k.meyer', role: 'coordinator' },
      reason: '=cmd|"/c calc"!A1',
      authority: '@Kreisausschuss',
      correlationId: 'c',
      eventId: 'e',
      data: {},
      prevHash: 'p',
      hash: 'h',
    } as unknown as HistoryEntry;
    const [row] = parse(historyCsv([entry]), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ revision: '3', reason: `'=cmd|"/c calc"!A1`, authority: "'@Kreisausschuss" });
  });
});
