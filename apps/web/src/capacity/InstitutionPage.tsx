import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { TableScroll } from '../shell/ui';
import { CapacityForm, OccupancyForm } from './CapacityForms';
import { ClosureForm } from './ClosureForm';
import { KITA_AGE_GROUPS, KITA_TYPES, SCHOOL_TYPES, useInstitution } from './capacity-queries';
import { InstitutionStatus } from './InstitutionsPage';
import { useCapacityLabels } from './labels';

/** Eine Einrichtung: its capacity changes and occupancy reports, and the forms to add to them. */
export function InstitutionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const institution = useInstitution(id);
  usePageTitle(institution.data?.name ?? t('capacity.institutions'));
  useDataReady(Boolean(institution.data));
  const data = institution.data;
  const maintains =
    person.role === 'coordinator' ||
    person.role === 'admin' ||
    (person.role === 'actor' && person.id === data?.operatorId);
  const school = data ? SCHOOL_TYPES.includes(data.type) : false;
  const kita = data ? KITA_TYPES.includes(data.type) : false;
  return (
    <>
      <p>
        <Link className="kern-link" to="/einrichtungen">
          {t('capacity.backToInstitutions')}
        </Link>
      </p>
      <QueryProblem query={institution} />
      {data ? (
        <>
          <h1 className="kern-heading-large">{data.name}</h1>
          <dl className="kern-description-list">
            {(
              [
                [t('capacity.type'), labels.type(data.type)],
                [t('capacity.region'), `${labels.region(data.regionKey)}${data.locality ? ` – ${data.locality}` : ''}`],
                [
                  t('capacity.operator'),
                  <Link className="kern-link" to={`/akteure/${data.operatorId}`}>
                    {labels.organisation(data.operatorId)}
                  </Link>,
                ],
                [t('capacity.status'), <InstitutionStatus institution={data} />],
              ] as const
            ).map(([key, value]) => (
              <div className="kern-description-list-item" key={key}>
                <dt className="kern-description-list-item__key">{key}</dt>
                <dd className="kern-description-list-item__value">{value}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby="capacity-heading">
            <h2 id="capacity-heading" className="kern-heading-medium">
              {t('capacity.capacityHistory')}
            </h2>
            {data.capacity.length === 0 ? (
              <p className="kern-body">{t('capacity.noChanges')}</p>
            ) : (
              <TableScroll label={t('capacity.capacityCaption')}>
                <table className="kern-table">
                  <caption className="kern-sr-only">{t('capacity.capacityCaption')}</caption>
                  <thead>
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('capacity.effectiveFrom')}
                      </th>
                      {school ? (
                        <th scope="col" className="kern-table__header">
                          {t('capacity.streams')}
                        </th>
                      ) : null}
                      {kita
                        ? KITA_AGE_GROUPS.map((group) => (
                            <th scope="col" className="kern-table__header" key={group}>
                              {t('capacity.placesOf', { group: labels.stage(group) })}
                            </th>
                          ))
                        : null}
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {[...data.capacity]
                      .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
                      .map((change, index) => (
                        <tr className="kern-table__row" key={`${change.effectiveFrom}-${index}`}>
                          <td className="kern-table__cell">{formatDate(change.effectiveFrom)}</td>
                          {school ? <td className="kern-table__cell">{change.streams ?? '–'}</td> : null}
                          {kita
                            ? KITA_AGE_GROUPS.map((group) => {
                                const places = change.places[group];
                                return (
                                  <td className="kern-table__cell" key={group}>
                                    {places
                                      ? `${places.approved} (${t('capacity.overSevenHours')} ${places.overSevenHours}, ${t('capacity.integration')} ${places.integration})`
                                      : '–'}
                                  </td>
                                );
                              })
                            : null}
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
            {maintains && data.status === 'open' && (school || kita) ? <CapacityForm institution={data} /> : null}
          </section>
          {kita ? (
            <section aria-labelledby="occupancy-heading">
              <h2 id="occupancy-heading" className="kern-heading-medium">
                {t('capacity.occupancy')}
              </h2>
              {data.occupancy.length === 0 ? (
                <p className="kern-body">{t('capacity.noOccupancy')}</p>
              ) : (
                <TableScroll label={t('capacity.occupancyCaption')}>
                  <table className="kern-table">
                    <caption className="kern-sr-only">{t('capacity.occupancyCaption')}</caption>
                    <thead>
                      <tr className="kern-table__row">
                        <th scope="col" className="kern-table__header">
                          {t('capacity.referenceDate')}
                        </th>
                        {KITA_AGE_GROUPS.map((group) => (
                          <th scope="col" className="kern-table__header" key={group}>
                            {labels.stage(group)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody className="kern-table__body">
                      {data.occupancy.map((report) => (
                        <tr className="kern-table__row" key={report.referenceDate}>
                          <td className="kern-table__cell">{formatDate(report.referenceDate)}</td>
                          {KITA_AGE_GROUPS.map((group) => (
                            <td className="kern-table__cell" key={group}>
                              {report.occupied[group] ?? '–'}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
              {maintains && data.status === 'open' ? <OccupancyForm institution={data} /> : null}
            </section>
          ) : null}
          {maintains && data.status === 'open' ? <ClosureForm institution={data} /> : null}
        </>
      ) : null}
    </>
  );
}
