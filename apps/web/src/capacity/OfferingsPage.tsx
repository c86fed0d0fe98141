import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_STAGES } from '../goals/goal-types';
import { RegionSelect, StageSelect } from '../goals/filters';
import { useGoalLabels } from '../goals/labels';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { useUrlFilters } from '../shell/url-filters';
import { Alert, Badge, Pagination, SelectField, TableScroll, TextField } from '../shell/ui';
import { OfferingBody, OfferingFilters, useOfferings, useRegisterOffering } from './capacity-queries';
import { useCapacityLabels } from './labels';

const PAGE_SIZE = 25;
const FILTERS = ['regionKey', 'stage'] as const;
const KINDS = ['kurs', 'programm'] as const;

/** Angebote: courses and programmes per municipality with provider, places, target group and period. */
export function OfferingsPage() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const goalLabels = useGoalLabels();
  const person = usePerson();
  usePageTitle(t('capacity.offerings'));
  const { params, filters, page, pagesOf, setFilter, goToPage } = useUrlFilters<OfferingFilters>(FILTERS, PAGE_SIZE);
  const offerings = useOfferings(filters);
  useDataReady(Boolean(offerings.data));
  const list = offerings.data;
  const maintains = person.role === 'coordinator' || person.role === 'admin' || person.role === 'actor';
  return (
    <>
      <h1 className="kern-heading-large">{t('capacity.offerings')}</h1>
      {maintains ? <RegisterOffering /> : null}
      <form className="filters" aria-label={t('filter.label')} onSubmit={(event) => event.preventDefault()}>
        <RegionSelect
          name="regionKey"
          value={params.get('regionKey') ?? ''}
          onChange={(value) => setFilter('regionKey', value)}
        />
        <StageSelect value={params.get('stage') ?? ''} onChange={(value) => setFilter('stage', value)} />
      </form>
      <QueryProblem query={offerings} />
      {list ? (
        <>
          <p className="kern-body" role="status" data-testid="offering-count">
            {t('capacity.offeringsCount', { count: list.total })}
          </p>
          {list.items.length > 0 ? (
            <TableScroll label={t('capacity.offeringsCaption')}>
              <table className="kern-table">
                <caption className="kern-sr-only">{t('capacity.offeringsCaption')}</caption>
                <thead>
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('capacity.title')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.kind')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.provider')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.targetGroup')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.places')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.period')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.region')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('capacity.status')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {list.items.map((offering) => (
                    <tr className="kern-table__row" key={offering.id}>
                      <td className="kern-table__cell">
                        {offering.title}
                        <br />
                        <span className="kern-body kern-body--muted">{goalLabels.stage(offering.stage)}</span>
                      </td>
                      <td className="kern-table__cell">{t(`capacity.kinds.${offering.kind}`)}</td>
                      <td className="kern-table__cell">{labels.organisation(offering.providerId)}</td>
                      <td className="kern-table__cell">{offering.targetGroup}</td>
                      <td className="kern-table__cell">{offering.places ?? '–'}</td>
                      <td className="kern-table__cell">
                        {formatDate(offering.startsOn)} –{' '}
                        {offering.endsOn ? formatDate(offering.endsOn) : t('capacity.open')}
                      </td>
                      <td className="kern-table__cell">{labels.region(offering.regionKey)}</td>
                      <td className="kern-table__cell">
                        <Badge kind={offering.status === 'running' ? 'success' : 'info'}>
                          {t(`capacity.offeringStatus.${offering.status}`)}
                        </Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
          <Pagination label={t('capacity.offerings')} page={page} pages={pagesOf(list.total)} onPage={goToPage} />
        </>
      ) : null}
    </>
  );
}

const EMPTY = {
  title: '',
  kind: '',
  providerId: '',
  stage: '',
  targetGroup: '',
  places: '',
  startsOn: '',
  endsOn: '',
  regionKey: '',
};

/** Angebot erfassen, folded away until asked for; actors register only their own offerings. */
function RegisterOffering() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const goalLabels = useGoalLabels();
  const person = usePerson();
  const register = useRegisterOffering();
  const [form, setForm] = useState(EMPTY);
  const [registered, setRegistered] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof typeof EMPTY) => (value: string) => {
    setRegistered(false);
    setForm({ ...form, [name]: value });
  };
  const providers =
    person.role === 'actor' ? labels.organisations.filter((item) => item.id === person.id) : labels.organisations;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const { places, endsOn, ...rest } = form;
    try {
      await register.mutateAsync({
        ...rest,
        ...(places.trim() ? { places: Number(places.trim()) } : {}),
        ...(endsOn ? { endsOn } : {}),
      } as OfferingBody);
      setForm(EMPTY);
      setRegistered(true);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <>
      {registered ? <Alert kind="success" title={t('capacity.offeringRegistered')} /> : null}
      <details className="step">
        <summary className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('capacity.newOffering')}</span>
        </summary>
        <form
          className="step-form"
          aria-label={t('capacity.newOffering')}
          onSubmit={(event) => void submit(event)}
          noValidate
        >
          <FormProblems problem={problem} fieldErrors={fieldErrors} />
          <TextField
            label={t('capacity.title')}
            name="title"
            required
            value={form.title}
            onChange={set('title')}
            error={fieldErrors['title']}
          />
          <SelectField
            label={t('capacity.kind')}
            name="kind"
            required
            value={form.kind}
            onChange={set('kind')}
            emptyLabel=""
            error={fieldErrors['kind']}
            options={KINDS.map((kind) => ({ value: kind, label: t(`capacity.kinds.${kind}`) }))}
          />
          <SelectField
            label={t('capacity.provider')}
            name="providerId"
            required
            value={form.providerId}
            onChange={set('providerId')}
            emptyLabel=""
            error={fieldErrors['providerId']}
            options={providers.map((item) => ({ value: item.id, label: item.name }))}
          />
          <SelectField
            label={t('capacity.stage')}
            name="stage"
            required
            value={form.stage}
            onChange={set('stage')}
            emptyLabel=""
            error={fieldErrors['stage']}
            options={EDUCATION_STAGES.map((stage) => ({ value: stage, label: goalLabels.stage(stage) }))}
          />
          <TextField
            label={t('capacity.targetGroup')}
            name="targetGroup"
            required
            value={form.targetGroup}
            onChange={set('targetGroup')}
            error={fieldErrors['targetGroup']}
          />
          <TextField
            label={t('capacity.places')}
            name="places"
            inputMode="numeric"
            value={form.places}
            onChange={set('places')}
            error={fieldErrors['places']}
          />
          <TextField
            type="date"
            label={t('capacity.startsOn')}
            name="startsOn"
            required
            value={form.startsOn}
            onChange={set('startsOn')}
            error={fieldErrors['startsOn']}
          />
          <TextField
            type="date"
            label={t('capacity.endsOn')}
            name="endsOn"
            value={form.endsOn}
            onChange={set('endsOn')}
            error={fieldErrors['endsOn']}
          />
          <SelectField
            label={t('capacity.region')}
            name="regionKey"
            required
            value={form.regionKey}
            onChange={set('regionKey')}
            emptyLabel=""
            error={fieldErrors['regionKey']}
            options={labels.regions.map((region) => ({ value: region.key, label: region.name }))}
          />
          <button type="submit" className="kern-btn kern-btn--primary" disabled={register.isPending}>
            <span className="kern-label">{t('capacity.newOffering')}</span>
          </button>
        </form>
      </details>
    </>
  );
}
