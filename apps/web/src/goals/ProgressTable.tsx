import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, formatTimestamp } from '../lib/format';
import type { ProgressRecord, ProgressTrace } from './goal-types';
import { useAllProgress, useProgressTrace } from './goal-queries';
import { useRegionName } from '../monitoring/monitoring-queries';
import { useGoalLabels } from './labels';
import { QueryProblem } from './QueryProblem';
import { TableScroll } from '../shell/ui';

function who(actor: { id: string; role: string }, t: (key: string) => string): string {
  return `${actor.id} (${t(`role.${actor.role}`)})`;
}

/** Where a value came from: the measurement, the import that delivered it and who recorded it. */
function Trace({ trace }: { trace: ProgressTrace }) {
  const { t } = useTranslation();
  const regionName = useRegionName();
  const cause = trace.cause as Record<string, unknown> & { kind: string };
  const rows: [string, string][] = [
    [t('trace.recorded'), `${formatTimestamp(trace.recorded.recordedAt)}, ${who(trace.recorded.actor, t)}`],
  ];
  if (cause.kind === 'monitoring-measurement') {
    const recordedBy = cause['recordedBy'] as { id: string; role: string };
    const origin = cause['origin'] as { kind: string; importId?: string; correlationId?: string };
    rows.push(
      [t('trace.indicator'), String(cause['indicatorKey'])],
      [t('trace.region'), regionName(String(cause['regionKey']))],
      [t('trace.period'), String(cause['period'])],
      [t('trace.measuredValue'), formatNumber(Number(cause['value']))],
      [t('trace.source'), String(cause['source'])],
      [t('trace.measurementBy'), `${formatTimestamp(String(cause['recordedAt']))}, ${who(recordedBy, t)}`],
      [
        t('trace.origin'),
        origin.kind === 'import'
          ? t('trace.fromImport', { id: origin.importId })
          : t('trace.fromRequest', { id: origin.correlationId }),
      ],
    );
  } else {
    rows.push([t('trace.origin'), t('trace.manualEntry')]);
  }
  for (const correction of trace.corrections)
    rows.push([
      t('trace.correction'),
      t('trace.correctionText', {
        from: formatNumber(correction.previousValue),
        to: formatNumber(correction.value),
        when: formatTimestamp(correction.recordedAt),
        who: who(correction.actor, t),
      }),
    ]);
  return (
    <dl className="kern-description-list">
      {rows.map(([key, value]) => (
        <div className="kern-description-list-item" key={key + value}>
          <dt className="kern-description-list-item__key">{key}</dt>
          <dd className="kern-description-list-item__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TraceBody({ goalId, progressId }: { goalId: string; progressId: string }) {
  const { t } = useTranslation();
  const trace = useProgressTrace(goalId, progressId);
  return (
    <>
      <QueryProblem query={trace} />
      {trace.data ? <Trace trace={trace.data} /> : trace.isPending ? <p role="status">{t('loading')}</p> : null}
    </>
  );
}

/**
 * Opens a value's proof in a row of its own below the value's row: in a narrow column of a wide table
 * the proof would be squeezed to a few letters a line on a phone.
 */
export function TraceToggle({
  open,
  onToggle,
  rowId,
  asOf,
}: {
  open: boolean;
  onToggle: () => void;
  rowId: string;
  asOf: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="kern-link disclosure-link"
      aria-expanded={open}
      aria-controls={open ? rowId : undefined}
      onClick={onToggle}
    >
      <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      {t('trace.show', { date: formatDate(asOf) })}
    </button>
  );
}

/**
 * The row a `TraceToggle` opens, across all the table's columns. Its query exists only while it is
 * open, so a goal with 1,000 values renders 1,000 buttons, not 1,000 queries.
 */
export function TraceRow({
  rowId,
  columns,
  goalId,
  progressId,
}: {
  rowId: string;
  columns: number;
  goalId: string;
  progressId: string;
}) {
  return (
    <tr className="kern-table__row" id={rowId}>
      <td className="kern-table__cell" colSpan={columns}>
        <div className="trace-body">
          <TraceBody goalId={goalId} progressId={progressId} />
        </div>
      </td>
    </tr>
  );
}

/** One value and, once asked for, its proof below it. */
function ProgressRow({ goalId, record }: { goalId: string; record: ProgressRecord }) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const [open, setOpen] = useState(false);
  const traceRowId = `nachweis-${record.progressId}`;
  return (
    <>
      <tr className="kern-table__row">
        <td className="kern-table__cell">{formatDate(record.asOf)}</td>
        <td className="kern-table__cell kern-table__cell--numeric">
          {formatNumber(record.value)}
          {typeof record['originalValue'] === 'number'
            ? ` (${t('progress.correctedFrom', { value: formatNumber(record['originalValue']) })})`
            : ''}
        </td>
        <td className="kern-table__cell">{labels.source(record.source)}</td>
        <td className="kern-table__cell">{record.note ?? ''}</td>
        <td className="kern-table__cell">
          <TraceToggle open={open} onToggle={() => setOpen(!open)} rowId={traceRowId} asOf={record.asOf} />
        </td>
      </tr>
      {open ? <TraceRow rowId={traceRowId} columns={5} goalId={goalId} progressId={record.progressId} /> : null}
    </>
  );
}

/** The newest values a goal page shows at first; a goal fed every day has thousands. */
const FIRST_SHOWN = 25;

/** Every recorded value with where it came from, the newest first. */
export function ProgressTable({
  goalId,
  progress,
  count,
  unit,
}: {
  goalId: string;
  /** The newest values the goal document carries. */
  progress: readonly ProgressRecord[];
  /** How many values the goal has in all. */
  count: number;
  unit: string;
}) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const all = useAllProgress(goalId, count, showAll && count > progress.length);
  // Of values for one date, the one recorded last comes first, as the goals API orders them.
  const newest = [...progress].reverse().sort((a, b) => b.asOf.localeCompare(a.asOf));
  const sorted = showAll && all.data ? all.data : newest;
  const shown = showAll ? sorted : sorted.slice(0, FIRST_SHOWN);
  return (
    <section aria-labelledby="progress-heading" className="trace-host">
      <h2 id="progress-heading" className="kern-heading-medium">
        {t('progress.title')}
      </h2>
      {sorted.length === 0 ? (
        <p className="kern-body">{t('progress.none')}</p>
      ) : (
        <TableScroll label={t('progress.title')}>
          <table className="kern-table" data-testid="progress-table">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('progress.asOf')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('chart.value', { unit })}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('progress.source')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('progress.note')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('progress.provenance')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {shown.map((record) => (
                <ProgressRow key={record.progressId} goalId={goalId} record={record} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {shown.length < count ? (
        <p className="kern-body">
          {t('progress.newestShown', { shown: shown.length, count })}{' '}
          {showAll ? null : (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setShowAll(true)}>
              <span className="kern-label">{t('progress.showAll', { count })}</span>
            </button>
          )}
        </p>
      ) : null}
      {all.isFetching ? <p role="status">{t('loading')}</p> : null}
      <QueryProblem query={all} />
    </section>
  );
}
