import { z } from 'zod';

/** A visible character: not whitespace, not a format character such as a zero-width space. */
const VISIBLE = /[^\s\p{Cf}]/u;

/** Free text a person types: trimmed, not empty, not only invisible characters, at most `max` characters. */
export const requestText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((text) => VISIBLE.test(text), 'must contain a visible character');

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

/** A calendar date of the office's business: a real date, in a year between 1900 and 2199. */
export const requestDate = z.iso.date('must be a date like 2026-03-01').refine((date) => {
  const year = Number(date.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}, `must be a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}`);

/** Built once: constructing an Intl formatter costs more than a whole validated request. */
const BERLIN_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** The last answer and its minute: Berlin's day always begins on a whole minute of UTC. */
let lastToday = { minute: Number.NaN, date: '' };

/** Today's date where the office works (Europe/Berlin), as YYYY-MM-DD. */
export function todayInGermany(now = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastToday.minute) lastToday = { minute, date: BERLIN_DATE.format(now) };
  return lastToday.date;
}

/** A business date that has already come: what was observed cannot be dated in the future. */
export const pastOrToday = requestDate.refine(
  (date) => date <= todayInGermany(),
  'must not be in the future (today or earlier, Europe/Berlin)',
);

/** A whole number in a query string, from `min` to `max`; an empty value is refused rather than read as 0. */
export const queryWholeNumber = (min: number, max: number) =>
  z.preprocess(
    (value) => (value === '' ? Number.NaN : value),
    z.coerce.number('must be a whole number').int('must be a whole number').min(min).max(max),
  );
