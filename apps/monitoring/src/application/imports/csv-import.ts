import { parse } from 'csv-parse/sync';
import { indicatorKey, period, regionKey } from '@bildungsregion/contracts';
import { Breakdown } from '../../domain/indicator';
import { RejectedRow } from './import-report';

/** One data row of an import file, checked for form; the indicator's own rules come later. */
export interface ImportRow {
  /** Line in the file (the header is line 1), so a person can find the row. */
  readonly line: number;
  readonly indicatorKey: string;
  readonly regionKey: string;
  readonly period: string;
  readonly value: number;
  readonly breakdown?: Breakdown;
  readonly source?: string;
}

export interface ParsedImport {
  readonly rows: ImportRow[];
  readonly rejected: RejectedRow[];
  /** Data rows in the file, good and bad. */
  readonly total: number;
}

export class InvalidImportFileError extends Error {}

type Column = keyof typeof REQUIRED | 'sex' | 'nationality' | 'source';

/** Column names as the office writes them, in English or German; a Map, so `constructor` is no column. */
const COLUMNS = new Map<string, Column>([
  ['indicator', 'indicator'],
  ['indikator', 'indicator'],
  ['region', 'region'],
  ['ags', 'region'],
  ['gebiet', 'region'],
  ['period', 'period'],
  ['zeitraum', 'period'],
  ['jahr', 'period'],
  ['value', 'value'],
  ['wert', 'value'],
  ['sex', 'sex'],
  ['geschlecht', 'sex'],
  ['nationality', 'nationality'],
  ['staatsangehoerigkeit', 'nationality'],
  ['staatsangehörigkeit', 'nationality'],
  ['source', 'source'],
  ['quelle', 'source'],
]);
const REQUIRED = { indicator: true, region: true, period: true, value: true } as const;

const SEX = new Map<string, NonNullable<Breakdown['sex']>>([
  ['female', 'female'],
  ['weiblich', 'female'],
  ['w', 'female'],
  ['male', 'male'],
  ['männlich', 'male'],
  ['maennlich', 'male'],
  ['m', 'male'],
  ['diverse', 'diverse'],
  ['divers', 'diverse'],
  ['d', 'diverse'],
]);
const NATIONALITY = new Map<string, NonNullable<Breakdown['nationality']>>([
  ['german', 'german'],
  ['deutsch', 'german'],
  ['foreign', 'foreign'],
  ['nichtdeutsch', 'foreign'],
  ['ausländisch', 'foreign'],
  ['auslaendisch', 'foreign'],
]);

const MAX_ROWS = 100_000;

/**
 * Reads a measurements CSV: comma- or semicolon-separated (as Excel writes it in Germany, then with a
 * decimal comma), with a header row. Every data row is either a clean row or a rejection with its line.
 */
export function parseMeasurementCsv(text: string): ParsedImport {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidImportFileError(`The file is not readable as CSV: ${(error as Error).message}`);
  }
  const [header, ...data] = records;
  if (!header) throw new InvalidImportFileError('The file is empty; it needs a header row and at least one data row.');
  const columns = header.record.map((name) => COLUMNS.get(name.trim().toLowerCase()));
  const unknown = header.record.filter((_, index) => columns[index] === undefined);
  if (unknown.length > 0) {
    throw new InvalidImportFileError(
      `Unknown column ${unknown.map((name) => JSON.stringify(name)).join(', ')}; use indicator, region, period, value and optionally sex, nationality, source.`,
    );
  }
  const doubled = columns.filter((column, index) => columns.indexOf(column) !== index);
  if (doubled.length > 0)
    throw new InvalidImportFileError(`The header names the column ${[...new Set(doubled)].join(', ')} twice.`);
  const missing = Object.keys(REQUIRED).filter((name) => !columns.includes(name as Column));
  if (missing.length > 0) throw new InvalidImportFileError(`The header lacks the column ${missing.join(', ')}.`);
  if (data.length > MAX_ROWS)
    throw new InvalidImportFileError(`The file has ${data.length} rows; import at most ${MAX_ROWS} at a time.`);

  const rows: ImportRow[] = [];
  const rejected: RejectedRow[] = [];
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.length !== columns.length) {
      rejected.push({ line, reason: `has ${record.length} fields, the header has ${columns.length}` });
      continue;
    }
    const field = (name: string) => record[columns.indexOf(name as Column)] ?? '';
    const problems: string[] = [];
    const key = field('indicator');
    if (!indicatorKey.safeParse(key).success)
      problems.push('indicator is not an indicator key like betreuungsquote-u3');
    const region = field('region');
    if (!regionKey.safeParse(region).success) problems.push('region is not an AGS key of 5 or 8 digits');
    const when = field('period');
    if (!period.safeParse(when).success) problems.push('period is not a year, a school year like 2025/26 or a date');
    const rawValue = field('value');
    const normalised = delimiter === ';' ? rawValue.replace(/\./g, '').replace(',', '.') : rawValue;
    const value = /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
    if (Number.isNaN(value)) problems.push('value is not a number');
    const sexText = columns.includes('sex') ? field('sex').toLowerCase() : '';
    const sex = SEX.get(sexText);
    if (sexText !== '' && !sex) problems.push('sex is not female, male or diverse');
    const nationalityText = columns.includes('nationality') ? field('nationality').toLowerCase() : '';
    const nationality = NATIONALITY.get(nationalityText);
    if (nationalityText !== '' && !nationality) problems.push('nationality is not german or foreign');
    const source = columns.includes('source') ? field('source') : '';
    if (source.length > 500) problems.push('source is longer than 500 characters');
    if (problems.length > 0) {
      rejected.push({ line, reason: problems.join('; ') });
      continue;
    }
    rows.push({
      line,
      indicatorKey: key,
      regionKey: region,
      period: when,
      value,
      ...(sex || nationality
        ? { breakdown: { ...(sex ? { sex } : {}), ...(nationality ? { nationality } : {}) } }
        : {}),
      ...(source ? { source } : {}),
    });
  }
  return { rows, rejected, total: data.length };
}
