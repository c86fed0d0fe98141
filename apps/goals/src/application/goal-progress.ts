import { Page } from '@bildungsregion/event-store';
import { Goal, ProgressRecord } from '../domain/goal';

/** How many of its newest progress records a goal document carries; the rest are read page by page. */
export const PROGRESS_IN_GOAL = 100;

/** What a goal document says of all its progress, however many records it carries. */
export interface ProgressSummary {
  readonly count: number;
  /** The value for the latest date (of several for that date, the one recorded last). */
  readonly latest?: ProgressRecord;
  /** How many of the newest records `goal.progress` carries. */
  readonly carried: number;
}

/** Orderings already computed, per progress list: a cached state keeps its list, so a repeated read sorts nothing. */
const newestFirstOf = new WeakMap<readonly ProgressRecord[], readonly ProgressRecord[]>();

/** Progress records by the date they describe, the latest first; of one date, the one recorded last first. */
export function newestFirst(progress: readonly ProgressRecord[]): readonly ProgressRecord[] {
  let ordered = newestFirstOf.get(progress);
  if (!ordered) {
    ordered = progress
      .map((record, index) => ({ record, index }))
      .sort((a, b) => b.record.asOf.localeCompare(a.record.asOf) || b.index - a.index)
      .map(({ record }) => record);
    newestFirstOf.set(progress, ordered);
  }
  return ordered;
}

/** The goal with only its newest progress records, in the order they were recorded, and what it says of all. */
export function withNewestProgress(goal: Goal): { goal: Goal; progressSummary: ProgressSummary } {
  const ordered = newestFirst(goal.progress);
  const summary = { count: goal.progress.length, carried: Math.min(goal.progress.length, PROGRESS_IN_GOAL) };
  const latest = ordered[0];
  const progressSummary = latest ? { ...summary, latest } : summary;
  if (goal.progress.length <= PROGRESS_IN_GOAL) return { goal, progressSummary };
  const carried = new Set(ordered.slice(0, PROGRESS_IN_GOAL));
  return { goal: { ...goal, progress: goal.progress.filter((record) => carried.has(record)) }, progressSummary };
}

/** One page of a goal's progress, the newest first. */
export function progressPage(goal: Goal, page: { offset: number; limit: number }): Page<ProgressRecord> {
  return {
    items: newestFirst(goal.progress).slice(page.offset, page.offset + page.limit),
    total: goal.progress.length,
    offset: page.offset,
    limit: page.limit,
  };
}
