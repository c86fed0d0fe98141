import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate } from '../lib/format';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Badge, TableScroll } from '../shell/ui';
import { CallSummary, useCalls } from './idea-queries';
import { CallCause } from './CallPage';

/** Ideenaufrufe: the drafts the system made from a reported problem, waiting for review, then every call. */
export function CallsPage() {
  const { t } = useTranslation();
  usePageTitle(t('calls.title'));
  const drafts = useCalls({ status: 'draft', origin: 'system' });
  const all = useCalls({});
  useDataReady(Boolean(drafts.data && all.data));
  return (
    <>
      <h1 className="kern-heading-large">{t('calls.title')}</h1>
      <section aria-labelledby="review-heading">
        <h2 id="review-heading" className="kern-heading-medium">
          {t('calls.review')}
        </h2>
        <QueryProblem query={drafts} />
        {drafts.data ? (
          drafts.data.items.length > 0 ? (
            <CallTable calls={drafts.data.items} label={t('calls.review')} />
          ) : (
            <p className="kern-body">{t('calls.noReview')}</p>
          )
        ) : null}
      </section>
      <section aria-labelledby="all-calls-heading">
        <h2 id="all-calls-heading" className="kern-heading-medium">
          {t('calls.all')}
        </h2>
        <QueryProblem query={all} />
        {all.data ? <CallTable calls={all.data.items} label={t('calls.all')} /> : null}
      </section>
    </>
  );
}

function CallTable({ calls, label }: { calls: readonly CallSummary[]; label: string }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={label}>
      <table className="kern-table">
        <caption className="kern-sr-only">{label}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('calls.theme')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('filter.status')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('calls.period')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('calls.cause')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {calls.map((call) => (
            <tr className="kern-table__row" key={call.id}>
              <td className="kern-table__cell">
                <Link className="kern-link" to={`/ideenaufrufe/${call.id}`}>
                  {call.theme}
                </Link>
              </td>
              <td className="kern-table__cell">
                <Badge kind={call.status === 'open' ? 'success' : 'info'}>{t(`calls.status.${call.status}`)}</Badge>
              </td>
              <td className="kern-table__cell">
                {call.opensOn && call.closesOn
                  ? t('calls.periodValue', { from: formatDate(call.opensOn), to: formatDate(call.closesOn) })
                  : '–'}
              </td>
              <td className="kern-table__cell">
                <CallCause cause={call.cause} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
