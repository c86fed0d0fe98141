import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { TraceRow, TraceToggle } from '../goals/ProgressTable';
import { HISTORY_PAGE_SIZE, HistoryEntry, useHistory } from './audit-queries';
import { eventDetail, Vocabulary } from './audit-words';
import { TableScroll } from '../shell/ui';

/** Every recorded event of a goal, oldest first, a page at a time; each row can be compared with the one before. */
export function Timeline({
  goalId,
  words,
  onCompare,
}: {
  goalId: string;
  words: Vocabulary;
  onCompare: (revision: number) => void;
}) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const history = useHistory(goalId, offset);
  const page = history.data;
  return (
    <section aria-labelledby="timeline-heading" className="trace-host">
      <h2 id="timeline-heading" className="kern-heading-medium">
        {t('audit.timeline')}
      </h2>
      <QueryProblem query={history} />
      {history.isPending ? <p role="status">{t('loading')}</p> : null}
      {page ? (
        <>
          <p className="kern-body" data-testid="timeline-range">
            {t('audit.range', {
              from: page.total === 0 ? 0 : offset + 1,
              to: offset + page.items.length,
              total: page.total,
            })}
          </p>
          <TableScroll label={t('audit.timeline')}>
            <table className="kern-table kern-table--small" data-testid="timeline">
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('audit.revision')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.event.label')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.who')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.recordedAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.effectiveAt')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.authorityAndReason')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('audit.correlation')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {page.items.map((entry) => (
                  <TimelineRow
                    key={entry.eventId}
                    goalId={goalId}
                    entry={entry}
                    words={words}
                    onCompare={onCompare}
                    causeShown={page.items.some((other) => other.eventId === entry.causationId)}
                  />
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav className="pagination" aria-label={t('audit.pages')}>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - HISTORY_PAGE_SIZE))}
            >
              <span className="kern-label">{t('audit.earlier')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              disabled={offset + HISTORY_PAGE_SIZE >= page.total}
              onClick={() => setOffset(offset + HISTORY_PAGE_SIZE)}
            >
              <span className="kern-label">{t('audit.later')}</span>
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}

/** One event and, for a value from monitoring, its proof below it once asked for. */
function TimelineRow({
  goalId,
  entry,
  words,
  onCompare,
  causeShown,
}: {
  goalId: string;
  entry: HistoryEntry;
  words: Vocabulary;
  onCompare: (revision: number) => void;
  /** Whether the event that caused this one is on the same page, so its id can link to it. */
  causeShown: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const data = entry.data as Record<string, unknown>;
  const fromMonitoring = entry.type === 'ProgressRecorded' && data['source'] === 'monitoring';
  const traceRowId = `nachweis-${entry.eventId}`;
  return (
    <>
      <tr className="kern-table__row" id={`ereignis-${entry.eventId}`}>
        <td className="kern-table__cell">
          {entry.revision}
          {entry.revision > 0 ? (
            <>
              {' '}
              <button
                type="button"
                className="kern-btn kern-btn--tertiary kern-btn--small timeline-compare"
                onClick={() => onCompare(entry.revision)}
              >
                <span className="kern-label">{t('audit.compareWithPrevious', { previous: entry.revision - 1 })}</span>
              </button>
            </>
          ) : null}
        </td>
        <td className="kern-table__cell">
          <span className="timeline-event">{t(`audit.event.${entry.type}`, { defaultValue: entry.type })}</span>
          <span className="kern-body kern-body--small timeline-detail">
            {eventDetail(entry.type, entry.data, words)}
          </span>
          {fromMonitoring ? (
            <TraceToggle open={open} onToggle={() => setOpen(!open)} rowId={traceRowId} asOf={String(data['asOf'])} />
          ) : null}
        </td>
        <td className="kern-table__cell">
          {entry.actor.id} ({t(`role.${entry.actor.role}`, { defaultValue: entry.actor.role })})
        </td>
        <td className="kern-table__cell">{formatTimestamp(entry.recordedAt)}</td>
        <td className="kern-table__cell">{formatDate(entry.effectiveAt)}</td>
        <td className="kern-table__cell">{[entry.authority, entry.reason].filter(Boolean).join(' – ') || '–'}</td>
        <td className="kern-table__cell timeline-ids">
          <code>{entry.correlationId}</code>
          {entry.causationId ? (
            <>
              {' '}
              {t('audit.causedBy')}{' '}
              {causeShown ? (
                <a className="kern-link" href={`#ereignis-${entry.causationId}`}>
                  <code>{entry.causationId}</code>
                </a>
              ) : (
                <code>{entry.causationId}</code>
              )}
            </>
          ) : null}
        </td>
      </tr>
      {open ? (
        <TraceRow rowId={traceRowId} columns={7} goalId={goalId} progressId={String(data['progressId'])} />
      ) : null}
    </>
  );
}
