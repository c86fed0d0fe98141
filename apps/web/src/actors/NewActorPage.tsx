import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useRegions } from '../monitoring/monitoring-queries';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { usePageTitle } from '../shell/page-title';
import { SelectField, TextField } from '../shell/ui';
import { ORGANISATION_TYPES, OrganisationType, RegisterBody, useRegisterOrganisation } from './actor-queries';
import { useActorLabels } from './labels';

const EMPTY = { id: '', name: '', type: '', regionKey: '', street: '', postalCode: '', town: '' };
type Form = typeof EMPTY;

/** The address goes with the request only when any of its fields is filled in. */
function bodyOf(form: Form): RegisterBody {
  const address = form.street || form.postalCode || form.town;
  return {
    id: form.id.trim(),
    name: form.name,
    type: form.type as OrganisationType,
    regionKey: form.regionKey,
    ...(address ? { address: { street: form.street, postalCode: form.postalCode, town: form.town } } : {}),
  };
}

/** Akteur erfassen: a new organisation under the identifier goals and ideas use for it. */
export function NewActorPage() {
  const { t } = useTranslation();
  const labels = useActorLabels();
  const navigate = useNavigate();
  const regions = useRegions();
  const register = useRegisterOrganisation();
  usePageTitle(t('actors.new'));
  const [form, setForm] = useState<Form>(EMPTY);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof Form) => (value: string) => setForm({ ...form, [name]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      const body = bodyOf(form);
      await register.mutateAsync(body);
      navigate(`/akteure/${body.id}`);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <>
      <p>
        <Link className="kern-link" to="/akteure">
          {t('actors.back')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('actors.new')}</h1>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <form className="step-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('actors.name')}
          name="name"
          required
          value={form.name}
          onChange={set('name')}
          error={fieldErrors['name']}
        />
        <TextField
          label={t('actors.id')}
          hint={t('actors.idHint')}
          name="id"
          required
          value={form.id}
          onChange={set('id')}
          error={fieldErrors['id']}
        />
        <SelectField
          label={t('actors.type')}
          name="type"
          required
          value={form.type}
          onChange={set('type')}
          emptyLabel={t('form.choose')}
          error={fieldErrors['type']}
          options={ORGANISATION_TYPES.map((type) => ({ value: type, label: labels.type(type) }))}
        />
        <SelectField
          label={t('actors.region')}
          name="regionKey"
          required
          value={form.regionKey}
          onChange={set('regionKey')}
          emptyLabel={t('form.choose')}
          error={fieldErrors['regionKey']}
          options={(regions.data ?? []).map((region) => ({ value: region.key, label: region.name }))}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('actors.address')}</legend>
          <div className="kern-fieldset__body">
            <TextField
              label={t('actors.street')}
              name="street"
              value={form.street}
              onChange={set('street')}
              error={fieldErrors['address.street']}
            />
            <TextField
              label={t('actors.postalCode')}
              name="postalCode"
              inputMode="numeric"
              value={form.postalCode}
              onChange={set('postalCode')}
              error={fieldErrors['address.postalCode']}
            />
            <TextField
              label={t('actors.town')}
              name="town"
              value={form.town}
              onChange={set('town')}
              error={fieldErrors['address.town']}
            />
          </div>
        </fieldset>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={register.isPending}>
          <span className="kern-label">{t('actors.new')}</span>
        </button>
      </form>
    </>
  );
}
