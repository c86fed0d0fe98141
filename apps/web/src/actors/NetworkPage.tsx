import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryProblem } from '../goals/QueryProblem';
import { usePerson } from '../shell/AuthProvider';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, SelectField, TableScroll } from '../shell/ui';
import { MEMBER_ROLES, MemberRole, useActorList, useAdmitMember, useNetwork } from './actor-queries';
import { useActorLabels } from './labels';

/** A network or body: its purpose and members with their roles; coordinators admit members. */
export function NetworkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useActorLabels();
  const person = usePerson();
  const network = useNetwork(id);
  usePageTitle(network.data?.name ?? t('networks.title'));
  useDataReady(Boolean(network.data));
  const view = network.data;
  return (
    <>
      <p>
        <Link className="kern-link" to="/netzwerke">
          {t('networks.back')}
        </Link>
      </p>
      <QueryProblem query={network} />
      {view ? (
        <>
          <h1 className="kern-heading-large">{view.name}</h1>
          <p className="kern-body">
            {t(`networks.kinds.${view.kind}`)} · {t(`networks.statusValue.${view.status}`)}
          </p>
          <p className="kern-body">{view.purpose}</p>
          <h2 className="kern-heading-medium">{t('networks.members')}</h2>
          {view.members.length > 0 ? (
            <TableScroll label={t('networks.members')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('networks.members')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('networks.member')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('networks.role')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {view.members.map((member) => (
                    <tr className="kern-table__row" key={member.actorId}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/akteure/${member.actorId}`}>
                          {member.name ?? member.actorId}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{labels.memberRole(member.role)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="kern-body">{t('networks.noMembers')}</p>
          )}
          {view.status === 'active' && (person.role === 'coordinator' || person.role === 'admin') ? (
            <AdmitMemberForm networkId={id} />
          ) : null}
        </>
      ) : null}
    </>
  );
}

function AdmitMemberForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const labels = useActorLabels();
  const admit = useAdmitMember(networkId);
  const actors = useActorList({ status: 'active', limit: 200 });
  const [form, setForm] = useState({ actorId: '', role: '' });
  const [admitted, setAdmitted] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setAdmitted(false);
    try {
      await admit.mutateAsync({ actorId: form.actorId, role: form.role as MemberRole });
      setAdmitted(true);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form className="step-form" aria-labelledby="admit-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="admit-heading" className="kern-heading-medium">
        {t('networks.admit')}
      </h2>
      <p className="kern-hint">{t('networks.admitHint')}</p>
      {admitted ? <Alert kind="success" title={t('networks.admitted')} /> : null}
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <SelectField
        label={t('networks.member')}
        name="actorId"
        required
        value={form.actorId}
        onChange={(actorId) => setForm({ ...form, actorId })}
        emptyLabel={t('form.choose')}
        error={fieldErrors['actorId']}
        options={(actors.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.name }))}
      />
      <SelectField
        label={t('networks.role')}
        name="role"
        required
        value={form.role}
        onChange={(role) => setForm({ ...form, role })}
        emptyLabel={t('form.choose')}
        error={fieldErrors['role']}
        options={MEMBER_ROLES.map((role) => ({ value: role, label: labels.memberRole(role) }))}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={admit.isPending}>
        <span className="kern-label">{t('networks.admit')}</span>
      </button>
    </form>
  );
}
