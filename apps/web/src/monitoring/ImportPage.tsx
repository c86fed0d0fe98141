import { DragEvent, FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/problem';
import { formatNumber, formatTimestamp } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { Alert, TableScroll } from '../shell/ui';
import { EarlierReport, ImportReportView } from './ImportReportView';
import { changesMonitoring } from './labels';
import { useImportCsv, useImports } from './monitoring-queries';

/** Drag a file onto the box or pick it with the file field; nothing is sent before "Datei importieren". */
function UploadForm() {
  const { t } = useTranslation();
  const inputId = useId();
  const upload = useImportCsv();
  const [file, setFile] = useState<File | undefined>();
  const [dragging, setDragging] = useState(false);
  const [missing, setMissing] = useState(false);
  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setMissing(false);
    upload.reset();
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files[0]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setMissing(true);
    upload.mutate(file);
  };
  const problem = upload.error instanceof ApiError ? upload.error.problem : undefined;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="upload-heading">
      <h2 id="upload-heading" className="kern-heading-medium">
        {t('monitoring.import.upload')}
      </h2>
      <p className="kern-body">{t('monitoring.import.format')}</p>
      {/* Dropping is a pointer shortcut; the file field inside is the way for keyboards and screen readers. */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions */}
      <div
        className={`drop-zone${dragging ? ' drop-zone--active' : ''}${missing ? ' drop-zone--error' : ''}`}
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p className="kern-body">{t('monitoring.import.dropHere')}</p>
        <label className="kern-label" htmlFor={inputId}>
          {t('monitoring.import.chooseFile')}
        </label>
        <input
          id={inputId}
          name="file"
          type="file"
          accept=".csv,text/csv"
          className="file-input"
          aria-describedby={missing ? `${inputId}-error` : undefined}
          aria-invalid={missing || undefined}
          onChange={(event) => choose(event.target.files?.[0])}
        />
        {missing ? (
          <p className="kern-error" id={`${inputId}-error`}>
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-body">{t('monitoring.import.noFile')}</span>
          </p>
        ) : null}
        {file ? (
          <p className="kern-body" data-testid="chosen-file">
            {t('monitoring.import.chosen', { name: file.name, size: formatNumber(file.size) })}
          </p>
        ) : null}
      </div>
      <button type="submit" className="kern-btn kern-btn--primary" disabled={upload.isPending}>
        <span className="kern-label">{t('monitoring.import.submit')}</span>
      </button>
      {upload.isPending ? <p role="status">{t('monitoring.import.running')}</p> : null}
      {problem ? (
        <Alert kind="danger" title={t('monitoring.import.refused')}>
          <p className="kern-body">{t('problem.serviceSays', { detail: problem.detail })}</p>
        </Alert>
      ) : null}
      {upload.data ? (
        <section aria-labelledby="report-heading">
          <Alert
            kind={upload.data.rejected > 0 ? 'warning' : 'success'}
            title={t('monitoring.import.done', {
              recorded: formatNumber(upload.data.recorded),
              rejected: formatNumber(upload.data.rejected),
            })}
          />
          <h2 id="report-heading" className="kern-heading-medium">
            {t('monitoring.import.report')}
          </h2>
          <ImportReportView report={upload.data} />
        </section>
      ) : null}
    </form>
  );
}

function EarlierImports() {
  const { t } = useTranslation();
  const imports = useImports();
  return (
    <section aria-labelledby="earlier-heading">
      <h2 id="earlier-heading" className="kern-heading-medium">
        {t('monitoring.import.earlier')}
      </h2>
      <QueryProblem query={imports} />
      {imports.isPending ? <p role="status">{t('loading')}</p> : null}
      {imports.data?.length === 0 ? <p className="kern-body">{t('overview.noImports')}</p> : null}
      {imports.data && imports.data.length > 0 ? (
        <TableScroll label={t('monitoring.import.earlier')}>
          <table className="kern-table kern-table--small" data-testid="earlier-imports">
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('overview.importFile')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('overview.importedAt')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.who')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('overview.recorded')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('overview.rejected')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('monitoring.import.report')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {imports.data.map((item) => (
                <tr className="kern-table__row" key={item.id}>
                  <td className="kern-table__cell">{item.fileName}</td>
                  <td className="kern-table__cell">{formatTimestamp(item.importedAt)}</td>
                  <td className="kern-table__cell">{item.importedBy}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(item.recorded)}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(item.rejected)}</td>
                  <td className="kern-table__cell">
                    <EarlierReport importId={item.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}

/** CSV-Import: upload with its report for coordinators and administrators; earlier imports for every reader. */
export function ImportPage() {
  const { t } = useTranslation();
  const person = usePerson();
  usePageTitle(t('monitoring.import.title'));
  return (
    <>
      <p>
        <Link className="kern-link" to="/monitoring">
          {t('monitoring.back')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('monitoring.import.title')}</h1>
      {changesMonitoring(person.role) ? (
        <UploadForm />
      ) : (
        <Alert kind="info" title={t('monitoring.import.notAllowed')}>
          <p className="kern-body">{t('monitoring.import.notAllowedText')}</p>
        </Alert>
      )}
      <EarlierImports />
    </>
  );
}
