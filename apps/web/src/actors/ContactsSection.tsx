import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../lib/save-file';
import { QueryProblem } from '../goals/QueryProblem';
import { formatTimestamp } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { Alert, Badge, TableScroll } from '../shell/ui';
import { ContactView, dataExportOf, useContacts } from './actor-queries';
import { AddContactForm } from './AddContactForm';
import { ErasureRequest } from './ErasureRequest';
import { useActorLabels } from './labels';

type Personal = ContactView['personal'];
const isErased = (personal: Personal): personal is Extract<Personal, { erased: true }> => 'erased' in personal;

/** Ansprechpersonen of an organisation; coordinators answer access requests and carry out erasure requests. */
export function ContactsSection({ actorId, actorName }: { actorId: string; actorName: string }) {
  const { t } = useTranslation();
  const labels = useActorLabels();
  const person = usePerson();
  const contacts = useContacts(actorId);
  const [erasing, setErasing] = useState<{ contactId: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  const maintains = coordinator || (person.role === 'actor' && person.id === actorId);
  const download = async (contact: ContactView, name: string) => {
    saveFile(await dataExportOf(contact.contactId), `auskunft-${contact.contactId}.json`);
    setDone(t('contacts.accessDone', { name }));
  };
  const items = contacts.data?.items ?? [];
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading" className="kern-heading-medium">
        {t('contacts.title')}
      </h2>
      <QueryProblem query={contacts} />
      {done ? <Alert kind="success" title={done} /> : null}
      {contacts.data && items.length === 0 ? <p className="kern-body">{t('contacts.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={t('contacts.tableCaption')}>
          <table className="kern-table">
            <caption className="kern-sr-only">{t('contacts.tableCaption', { name: actorName })}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('contacts.name')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('contacts.role')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('contacts.email')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('contacts.phone')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('contacts.status')}
                </th>
                {coordinator ? (
                  <th scope="col" className="kern-table__header">
                    {t('contacts.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {items.map((contact) => {
                const personal = contact.personal;
                const erased = isErased(personal);
                return (
                  <tr className="kern-table__row" key={contact.contactId}>
                    <td className="kern-table__cell">
                      {erased
                        ? personal.erasedAt
                          ? t('contacts.erased', { date: formatTimestamp(personal.erasedAt) })
                          : t('contacts.erasedNoDate')
                        : personal.name}
                    </td>
                    <td className="kern-table__cell">{labels.contactRole(contact.role)}</td>
                    <td className="kern-table__cell">
                      {!erased && personal.email ? (
                        <a className="kern-link" href={`mailto:${personal.email}`}>
                          {personal.email}
                        </a>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td className="kern-table__cell">{!erased && personal.phone ? personal.phone : '–'}</td>
                    <td className="kern-table__cell">
                      <Badge kind={contact.status === 'active' ? 'success' : 'info'}>
                        {t(`contacts.statusValue.${contact.status}`)}
                      </Badge>
                    </td>
                    {coordinator ? (
                      <td className="kern-table__cell">
                        {erased ? (
                          '–'
                        ) : (
                          <div className="row-actions">
                            <button
                              type="button"
                              className="kern-btn kern-btn--tertiary"
                              aria-label={t('contacts.accessFor', { name: personal.name })}
                              title={t('contacts.accessHint')}
                              onClick={() => void download(contact, personal.name)}
                            >
                              <span className="kern-label">{t('contacts.access')}</span>
                            </button>
                            <button
                              type="button"
                              className="kern-btn kern-btn--tertiary"
                              aria-label={t('contacts.erasureFor', { name: personal.name })}
                              onClick={() => {
                                setDone(null);
                                setErasing({ contactId: contact.contactId, name: personal.name });
                              }}
                            >
                              <span className="kern-label">{t('contacts.erasure')}</span>
                            </button>
                          </div>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {erasing ? (
        <ErasureRequest
          contact={erasing}
          onClose={(result) => {
            setErasing(null);
            if (result === 'erased') setDone(t('contacts.erasureDone'));
          }}
        />
      ) : null}
      {maintains ? <AddContactForm actorId={actorId} /> : null}
    </section>
  );
}
