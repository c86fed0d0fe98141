import { stringify } from 'csv-stringify/sync';

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list, with tab and carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet shows as text: a leading formula character gets an apostrophe in front. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * CSV for spreadsheets. Every text cell is neutralised against formula injection; numbers stay
 * numbers, so a value of -5 in a value column is still -5.
 */
export function spreadsheetCsv(rows: readonly (readonly (string | number)[])[], columns: readonly string[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { header: true, columns: [...columns], cast: { string: neutraliseFormula } },
  );
}
