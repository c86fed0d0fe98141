/** Field schemas and reference values every service's contracts share. */
import { z } from 'zod';
import { IntegrationEventContract } from './integration-event';

export const id = z.string().trim().min(1).max(200);
export const text = z.string().trim().min(1).max(2_000);
export const finite = z.number().finite();
export const isoDate = z.iso.date();
export const actor = z.strictObject({ id, role: z.string().min(1).max(50) });

/** Bildungsbereiche: the stages of learning the office steers, from Kita to Weiterbildung; every service uses them. */
export const EDUCATION_STAGES = [
  'fruehkindliche-bildung',
  'allgemeinbildende-schulen',
  'berufliche-bildung',
  'hochschule',
  'weiterbildung',
  'rahmenbedingungen',
] as const;
export type EducationStage = (typeof EDUCATION_STAGES)[number];

/** Amtlicher Gemeindeschlüssel: 5 digits for a Kreis, 8 for a municipality. */
export const regionKey = z.string().regex(/^\d{5}(\d{3})?$/, 'must be an AGS region key of 5 or 8 digits');
/** A year (2025), a school year (2025/26) or a reference date (2025-06-30). */
export const period = z
  .string()
  .regex(/^\d{4}(\/\d{2}|-\d{2}-\d{2})?$/, 'must be a year, a school year like 2025/26 or a date');

/**
 * The calendar date a period's value describes: the last day of a year, 31 July at the end of a
 * school year (2025/26 → 2026-07-31), or the reference date itself. Periods compare by it, and a
 * measurement becomes a goal's progress as of it. Null when the period is not a real period.
 */
export function periodEndDate(value: string): string | null {
  if (!period.safeParse(value).success) return null;
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  const schoolYear = /^(\d{4})\/(\d{2})$/.exec(value);
  if (schoolYear) {
    const start = Number(schoolYear[1]);
    return (start + 1) % 100 === Number(schoolYear[2]) ? `${start + 1}-07-31` : null;
  }
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : null;
}
export const indicatorKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lower-case key like betreuungsquote-u3');

/** What identifies a measured value: which indicator, where, for when. */
export const measuredValue = { measurementId: id, indicatorKey, regionKey, period, value: finite };
export const assessment = z.enum(['on-track', 'at-risk', 'off-track']);

export function contract<Data>(topic: string, type: string, schema: z.ZodType<Data>): IntegrationEventContract<Data> {
  return { topic, type, schema };
}
