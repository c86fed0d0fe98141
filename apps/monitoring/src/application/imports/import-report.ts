import { Upcaster } from '@bildungsregion/event-store';

/** A data row of an import file that was not recorded, with its line in the file (the header is line 1). */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

/** The rejected rows that share a reason: how many, and their lines as ranges [first, last]. */
export interface RejectionGroup {
  readonly reason: string;
  readonly count: number;
  readonly lines: readonly (readonly [number, number])[];
  /** Set when only the first `MAX_RANGES_PER_REASON` ranges of lines are kept; `count` is still exact. */
  readonly linesCut?: true;
}

/**
 * What an import did, kept as the import's own event. It stays small however bad the file: counts,
 * and the rejected lines grouped by reason; `rejectionPage` lists them line by line.
 */
export interface ImportReport {
  readonly importId: string;
  readonly fileName: string;
  /** SHA-256 of the file as received, so the report can be matched to the file. */
  readonly sha256: string;
  readonly rows: number;
  readonly recorded: number;
  /** Rows whose value was already recorded (a file imported again records nothing twice). */
  readonly unchanged: number;
  readonly rejected: number;
  /** In order of each reason's first line. */
  readonly rejectionsByReason: readonly RejectionGroup[];
  readonly importedAt: string;
  readonly importedBy: string;
}

export const MAX_REASONS = 100;
export const MAX_RANGES_PER_REASON = 1_000;
export const OTHER_REASONS = `other reasons (a file with more than ${MAX_REASONS} different ones keeps the first ${MAX_REASONS})`;

/** Groups rejected rows by reason, their lines as ranges; a file with very many reasons keeps the first ones. */
export function groupRejections(rejections: readonly RejectedRow[]): RejectionGroup[] {
  const groups = new Map<string, { count: number; lines: [number, number][]; linesCut?: true }>();
  for (const { line, reason } of [...rejections].sort((a, b) => a.line - b.line)) {
    const key = groups.has(reason) || groups.size < MAX_REASONS ? reason : OTHER_REASONS;
    const group = groups.get(key) ?? { count: 0, lines: [] };
    groups.set(key, group);
    group.count += 1;
    const last = group.lines.at(-1);
    if (last && last[1] === line - 1) last[1] = line;
    else if (group.lines.length < MAX_RANGES_PER_REASON) group.lines.push([line, line]);
    else group.linesCut = true;
  }
  return [...groups].map(([reason, group]) => ({ reason, ...group }));
}

/** One page of the rejected rows, line by line, in line order. */
export function rejectionPage(
  groups: readonly RejectionGroup[],
  page: { readonly offset: number; readonly limit: number },
): { readonly total: number; readonly items: RejectedRow[] } {
  const rows = groups
    .flatMap(({ reason, lines }) =>
      lines
        .flatMap(([first, last]) => Array.from({ length: last - first + 1 }, (_, index) => first + index))
        .map((line) => ({ line, reason })),
    )
    .sort((a, b) => a.line - b.line);
  return { total: rows.length, items: rows.slice(page.offset, page.offset + page.limit) };
}

/** Reports of version 1 listed every rejected row; they read as grouped ones. */
export const importReportUpcasters: readonly Upcaster[] = [
  {
    type: 'MeasurementsImported',
    fromVersion: 1,
    upcast: (data) => {
      const { rejections, ...rest } = data as { rejections: RejectedRow[] };
      return { ...rest, rejectionsByReason: groupRejections(rejections) };
    },
  },
];
