import {
  endOfDayInBerlin,
  formatDate,
  formatNumber,
  formatTimestamp,
  formatValue,
  parseGermanNumber,
  todayInBerlin,
} from './format';

describe('German formats', () => {
  it('writes dates as 27.11.2026 and instants in Berlin time with Uhr', () => {
    expect(formatDate('2026-11-27')).toBe('27.11.2026');
    expect(formatDate('2026-01-05T23:30:00.000Z')).toBe('05.01.2026');
    expect(formatTimestamp('2026-11-27T13:05:00.000Z')).toBe('27.11.2026, 14:05 Uhr');
    expect(formatTimestamp('2026-07-01T13:05:00.000Z')).toBe('01.07.2026, 15:05 Uhr');
  });

  it('writes numbers with a decimal comma and a thousands point, percent with a space', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(38.456)).toBe('38,46');
    expect(formatValue(38.5, '%')).toBe('38,5 %');
    expect(formatValue(12, 'Plätze')).toBe('12 Plätze');
  });

  it('reads numbers typed the German way or with a point, and nothing else', () => {
    expect(parseGermanNumber('38,5')).toBe(38.5);
    expect(parseGermanNumber('1.234,5')).toBe(1234.5);
    expect(parseGermanNumber('38.5')).toBe(38.5);
    expect(parseGermanNumber(' -2 ')).toBe(-2);
    for (const text of ['', 'abc', '1,2,3', '38,5 %', '1.23.4', 'NaN'])
      expect([text, parseGermanNumber(text)]).toEqual([text, null]);
  });

  it('knows the date in Berlin around midnight UTC', () => {
    expect(todayInBerlin(new Date('2026-11-27T23:30:00Z'))).toBe('2026-11-28');
    expect(todayInBerlin(new Date('2026-11-27T22:30:00Z'))).toBe('2026-11-27');
  });

  it('ends a Berlin day at its last millisecond, in winter and in summer time', () => {
    expect(endOfDayInBerlin('2026-11-27')).toBe('2026-11-27T22:59:59.999Z');
    expect(endOfDayInBerlin('2026-07-01')).toBe('2026-07-01T21:59:59.999Z');
  });
});
