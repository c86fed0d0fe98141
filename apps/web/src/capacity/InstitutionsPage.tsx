import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RegionSelect } from '../goals/filters';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate, todayInBerlin } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Alert, Badge, Pagination, SelectField, TableScroll, TextField } from '../shell/ui';
import {
  Institution,
  INSTITUTION_TYPES,
  InstitutionFilters,
  InstitutionType,
  useInstitutions,
  useRegisterInstitution,
} from './capacity-queries';
import { capacityOn, useCapacityLabels } from './labels';

const PAGE_SIZE = 25;
const FILTERS = ['regionKey', 'type'] as const;

/** Places in effect today, in words: per age group for a Kita, streams for a school. */
export function usePlacesToday() {
  const { t } = useTranslation();
  const today = todayInBerlin();
  return (institution: Institution) => {
    const capacity = capacityOn(institution, today);
    if (!capacity) return t('capacity.noCapacity');
    if (capacity.streams !== undefined) return t('capacity.streamsSummary', { streams: capacity.streams });
    const places = (group: 'krippe' | 'kindergarten' | 'hort') => capacity.places[group]?.approved ?? 0;
    return t('capacity.placesSummary', {
      krippe: places('krippe'),
      kindergarten: places('kindergarten'),
      hort: places('hort'),
    });
  };
}

/** Einrichtungen: Kitas, schools and further education per municipality, with the places in effect today. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const placesToday = usePlacesToday();
  usePageTitle(t('capacity.institutions'));
  const { params, filters, page, pagesOf, setFilter, goToPage } = useUrlFilters<InstitutionFilters>(FILTERS, PAGE_SIZE);
  const institutions = useInstitutions(filters);
  useDataReady(Boolean(institutions.data));
  const list = institutions.data;
  const maintains = person.role === 'coordinator' || person.role === 'admin' || person.role === 'actor';
  return (
    <>
      <h1 className="kern-heading-large">{t('capacity.institutions')}</h1>
      {maintains ? <RegisterInstitution /> : null}
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <RegionSelect
          name="regionKey"
          value={params.get('regionKey') ?? ''}
          onChange={(value) => setFilter('regionKey', value)}
        />
        <SelectField
          label={t('capacity.type')}
          name="type"
          value={params.get('type') ?? ''}
          onChange={(value) => setFilter('type', value)}
          emptyLabel={t('filter.all')}
          options={INSTITUTION_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
        />
      </form>
      <QueryProblem query={institutions} />
      {list ? (
        <>
          <p className="kern-body" role="status" data-testid="institution-count">
            {t('capacity.institutionsCount', { count: list.total })}
          </p>
          {list.items.length > 0 ? (
            <TableScroll label={t('capacity.institutionsCaption')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('capacity.institutionsCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('capacity.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.type')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.region')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.operator')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.placesToday')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {list.items.map((institution) => (
                    <tr className="kern-table__row" key={institution.id}>
                      <td className="kern-table__cell">
                        <Link className="kern-link" to={`/einrichtungen/${institution.id}`}>
                          {institution.name}
                        </Link>
                      </td>
                      <td className="kern-table__cell">{labels.type(institution.type)}</td>
                      <td className="kern-table__cell">
                        {labels.region(institution.regionKey)}
                        {institution.locality ? ` – ${institution.locality}` : ''}
                      </td>
                      <td className="kern-table__cell">{labels.organisation(institution.operatorId)}</td>
                      <td className="kern-table__cell">{placesToday(institution)}</td>
                      <td className="kern-table__cell">
                        <InstitutionStatus institution={institution} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <Pagination label={t('capacity.institutions')} page={page} pages={pagesOf(list.total)} onPage={goToPage} />
        </>
      ) : null}
    </>
  );
}

export function InstitutionStatus({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  return institution.status === 'open' && !institution.closedFrom ? (
    <Badge kind="success">{t('capacity.statusValue.open')}</Badge>
  ) : (
    <Badge kind="info">
      {t('capacity.statusValue.closed', { date: institution.closedFrom ? formatDate(institution.closedFrom) : '' })}
    </Badge>
  );
}

const EMPTY = { name: '', type: '', regionKey: '', locality: '', operatorId: '' };

/** Einrichtung erfassen, folded away until asked for; actors register only institutions they run. */
function RegisterInstitution() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const register = useRegisterInstitution();
  const [form, setForm] = useState(EMPTY);
  const [registered, setRegistered] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof typeof EMPTY) => (value: string) => {
    setRegistered(false);
    setForm({ ...form, [name]: value });
  };
  const operators =
    person.role === 'actor' ? labels.organisations.filter((item) => item.id === person.id) : labels.organisations;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await register.mutateAsync({
        name: form.name,
        type: form.type as InstitutionType,
        regionKey: form.regionKey,
        operatorId: form.operatorId,
        ...(form.locality.trim() ? { locality: form.locality.trim() } : {}),
      });
      setForm(EMPTY);
      setRegistered(true);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <>
      {registered ? <Alert kind="success" title={t('capacity.institutionRegistered')} /> : null}
      <details className="step">
        <summary className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('capacity.newInstitution')}</span>
        </summary>
        <form
          className="step-form"
          aria-label={t('capacity.newInstitution')}
          onSubmit={(event) => void submit(event)}
          noValidate
        >
          <FormProblems problem={problem} fieldErrors={fieldErrors} />
          <TextField
            label={t('capacity.name')}
            name="name"
            required
            value={form.name}
            onChange={set('name')}
            error={fieldErrors['name']}
          />
          <SelectField
            label={t('capacity.type')}
            name="type"
            required
            value={form.type}
            onChange={set('type')}
            emptyLabel=""
            error={fieldErrors['type']}
            options={INSTITUTION_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
          />
          <SelectField
            label={t('capacity.region')}
            name="regionKey"
            required
            value={form.regionKey}
            onChange={set('regionKey')}
            emptyLabel=""
            error={fieldErrors['regionKey']}
            options={labels.municipalities.map((region) => ({ value: region.key, label: region.name }))}
          />
          <TextField
            label={t('capacity.locality')}
            hint={t('capacity.localityHint')}
            name="locality"
            value={form.locality}
            onChange={set('locality')}
            error={fieldErrors['locality']}
          />
          <SelectField
            label={t('capacity.operator')}
            name="operatorId"
            required
            value={form.operatorId}
            onChange={set('operatorId')}
            emptyLabel=""
            error={fieldErrors['operatorId']}
            options={operators.map((item) => ({ value: item.id, label: item.name }))}
          />
          <button type="submit" className="kern-btn kern-btn--primary" disabled={register.isPending}>
            <span className="kern-label">{t('capacity.newInstitution')}</span>
          </button>
        </form>
      </details>
    </>
  );
}
