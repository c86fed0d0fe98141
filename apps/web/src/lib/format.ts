/** How dates and numbers read on screen: German conventions, whatever the browser's locale. */
const LOCALE = 'de-DE';
const BERLIN = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat(LOCALE, {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: BERLIN,
});

/** 2026-11-27 → 27.11.2026; a calendar date has no time zone. */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant as 27.11.2026, 14:05 Uhr in Berlin time. */
export function formatTimestamp(isoTimestamp: string): string {
  return `${timeFormat.format(new Date(isoTimestamp))} Uhr`;
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/** 1234.5 → 1.234,5; at most `digits` decimals, none added. */
export function formatNumber(value: number, digits = 2): string {
  // A formatter costs far more to make than to use; a table of 1,000 values makes one.
  let format = numberFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: digits });
    numberFormats.set(digits, format);
  }
  return format.format(value);
}

/** A value with its unit: 38,5 % for percent, the unit's name after other values. */
export function formatValue(value: number, unit: string): string {
  const number = formatNumber(value);
  return unit === '%' || unit === 'percent' ? `${number} %` : unit ? `${number} ${unit}` : number;
}

/**
 * Reads a number typed the German way (38,5 or 1.234,5) or with a decimal point (38.5); null when it
 * is not one number.
 */
/** A number a person may leave empty: absent when empty, NaN when unreadable (so the server names the field). */
export function optionalGermanNumber(text: string): number | undefined {
  return text.trim() === '' ? undefined : (parseGermanNumber(text) ?? Number.NaN);
}

export function parseGermanNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const german = /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/;
  const dotted = /^-?\d+\.\d+$/;
  let normalised: string;
  if (german.test(trimmed)) normalised = trimmed.replace(/\./g, '').replace(',', '.');
  else if (dotted.test(trimmed)) normalised = trimmed;
  else return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** Today's calendar date in Berlin, as YYYY-MM-DD. */
export function todayInBerlin(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: BERLIN }).format(now);
}

/** The last millisecond of a calendar day in Berlin, as an instant: what "as of 27.11.2026" means. */
export function endOfDayInBerlin(isoDate: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: BERLIN, timeZoneName: 'longOffset' })
    .formatToParts(noon)
    .find((part) => part.type === 'timeZoneName')?.value;
  const sign = offset?.match(/GMT([+-]\d{2}:\d{2})/)?.[1] ?? '+00:00';
  return new Date(`${isoDate}T23:59:59.999${sign}`).toISOString();
}
