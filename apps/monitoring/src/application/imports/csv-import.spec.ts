import { InvalidImportFileError, parseMeasurementCsv } from './csv-import';

describe('reading a measurements CSV', () => {
  it('reads good rows with a German header and decimal comma', () => {
    const parsed = parseMeasurementCsv('Indikator;AGS;Jahr;Wert\nbetreuungsquote-u3;03459008;2025;1.234,5\n');
    expect(parsed.rows).toEqual([
      { line: 2, indicatorKey: 'betreuungsquote-u3', regionKey: '03459008', period: '2025', value: 1234.5 },
    ]);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('names a column called %s as unknown', (name) => {
    expect(() => parseMeasurementCsv(`indicator;region;period;value;${name}\nx;03459008;2025;1;y\n`)).toThrow(
      new InvalidImportFileError(
        `Unknown column "${name}"; use indicator, region, period, value and optionally sex, nationality, source.`,
      ),
    );
  });

  it('refuses a header that names a column twice, also in its two languages', () => {
    expect(() => parseMeasurementCsv('indicator;region;period;value;wert\nx;03459008;2025;1;2\n')).toThrow(
      'The header names the column value twice.',
    );
  });
});
