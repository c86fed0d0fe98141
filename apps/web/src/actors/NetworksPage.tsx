import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Badge, TableScroll } from '../shell/ui';
import { useNetworks } from './actor-queries';

/** Netzwerke und Gremien: every network and body with how many members it has. */
export function NetworksPage() {
  const { t } = useTranslation();
  usePageTitle(t('networks.title'));
  const networks = useNetworks({});
  useDataReady(Boolean(networks.data));
  const items = networks.data?.items ?? [];
  return (
    <>
      <h1 className="kern-heading-large">{t('networks.title')}</h1>
      <QueryProblem query={networks} />
      {networks.data ? (
        <p className="kern-body" role="status">
          {t('networks.count', { count: networks.data.total })}
        </p>
      ) : null}
      {items.length > 0 ? (
        <TableScroll label={t('networks.tableCaption')}>
          <table className="kern-table">
            <caption className="kern-sr-only">{t('networks.tableCaption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('networks.name')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('networks.kind')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('networks.members')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('actors.status')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {items.map((network) => (
                <tr className="kern-table__row" key={network.id}>
                  <td className="kern-table__cell">
                    <Link className="kern-link" to={`/netzwerke/${network.id}`}>
                      {network.name}
                    </Link>
                  </td>
                  <td className="kern-table__cell">{t(`networks.kinds.${network.kind}`)}</td>
                  <td className="kern-table__cell">{t('networks.memberCount', { count: network.members.length })}</td>
                  <td className="kern-table__cell">
                    <Badge kind={network.status === 'active' ? 'success' : 'info'}>
                      {t(`networks.statusValue.${network.status}`)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : networks.data ? (
        <p className="kern-body">{t('networks.none')}</p>
      ) : null}
    </>
  );
}
