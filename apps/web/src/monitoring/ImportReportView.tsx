import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { ImportReport, useImportReport, useRejections } from './monitoring-queries';
import { TableScroll } from '../shell/ui';

/** Line ranges as people write them: 3–5, 9. */
export function linesInWords(ranges: readonly (readonly number[])[]): string {
  return ranges
    .map(([first, last]) => (first === last || last === undefined ? String(first) : `${first}–${last}`))
    .join(', ');
}

function RejectedLines({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const rejections = useRejections(importId, open);
  return (
    <details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary className="kern-link">{t('monitoring.import.lineByLine')}</summary>
      <QueryProblem query={rejections} />
      {rejections.data ? (
        <TableScroll label={t('monitoring.import.lineByLine')}>
          <table className="kern-table kern-table--small">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('monitoring.import.line')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.import.reason')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rejections.data.items.map((row) => (
                <tr className="kern-table__row" key={row.line}>
                  <td className="kern-table__cell kern-table__cell--numeric">{row.line}</td>
                  <td className="kern-table__cell">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </details>
  );
}

/** Importbericht: what the file held, what was recorded, and every rejected line with its reason. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const counts: [string, number][] = [
    [t('monitoring.import.rows'), report.rows],
    [t('monitoring.import.recorded'), report.recorded],
    [t('monitoring.import.unchanged'), report.unchanged],
    [t('monitoring.import.rejected'), report.rejected],
  ];
  return (
    <div className="import-report" data-testid="import-report">
      <p className="kern-body">
        {t('monitoring.import.reportOf', {
          file: report.fileName,
          when: formatTimestamp(report.importedAt),
          who: report.importedBy,
        })}
      </p>
      <dl className="kern-description-list">
        {counts.map(([name, count]) => (
          <div className="kern-description-list-item" key={name}>
            <dt className="kern-description-list-item__key">{name}</dt>
            <dd className="kern-description-list-item__value">{formatNumber(count)}</dd>
          </div>
        ))}
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('monitoring.import.checksum')}</dt>
          <dd className="kern-description-list-item__value">
            <code className="checksum">{report.sha256}</code>
          </dd>
        </div>
      </dl>
      {report.rejectionsByReason.length > 0 ? (
        <>
          <TableScroll label={t('monitoring.import.rejectedRows')}>
            <table className="kern-table kern-table--small" data-testid="rejections-table">
              <caption className="kern-title">{t('monitoring.import.rejectedRows')}</caption>
              <thead>
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('monitoring.import.reason')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('overview.count')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('monitoring.import.lines')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {report.rejectionsByReason.map((group) => (
                  <tr className="kern-table__row" key={group.reason}>
                    <td className="kern-table__cell">{group.reason}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(group.count)}</td>
                    <td className="kern-table__cell">
                      {linesInWords(group.lines)}
                      {group.linesCut ? ` ${t('monitoring.import.linesCut')}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <RejectedLines importId={report.importId} />
        </>
      ) : (
        <p className="kern-body">{t('monitoring.import.noRejections')}</p>
      )}
    </div>
  );
}

/** An earlier import's report, loaded when it is opened. */
export function EarlierReport({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const report = useImportReport(importId, open);
  return (
    <details onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary className="kern-link">{t('monitoring.import.showReport')}</summary>
      <QueryProblem query={report} />
      {report.data ? <ImportReportView report={report.data} /> : open ? <p role="status">{t('loading')}</p> : null}
    </details>
  );
}
