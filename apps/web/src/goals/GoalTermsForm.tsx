import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { RadioGroup, SelectField, TextField } from '../shell/ui';
import { DraftForm, draftFormToBody } from './draft-form';
import { RegionSelect, StageSelect } from './filters';
import type { DraftBody } from './goal-types';

/**
 * The terms of a goal as a form: drafting a new goal, and completing a draft that came from an idea.
 * It checks what it can before sending and shows the service's answer on the fields it names.
 */
export function GoalTermsForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
}: {
  initial: DraftForm;
  submitLabel: string;
  pending: boolean;
  onSubmit: (body: DraftBody) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DraftForm>(initial);
  const { fieldErrors: errors, setFieldErrors: setErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof DraftForm) => (value: string) => setForm({ ...form, [name]: value });
  const setParty = (index: number, name: 'id' | 'name' | 'role', value: string) =>
    setForm({
      ...form,
      parties: form.parties.map((party, at) => (at === index ? { ...party, [name]: value } : party)),
    });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const result = draftFormToBody(form);
    if (!result.ok) {
      setErrors(
        Object.fromEntries(Object.entries(result.problems).map(([field, key]) => [field, t(`form.problem.${key}`)])),
      );
      return;
    }
    try {
      await onSubmit(result.body);
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (errors[path] ? { error: errors[path] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
      <FormProblems problem={problem} fieldErrors={errors} />
      <TextField
        label={t('draft.field.title')}
        name="title"
        value={form.title}
        onChange={set('title')}
        required
        {...error('title')}
      />
      <TextField
        multiline
        label={t('draft.field.description')}
        name="description"
        value={form.description}
        onChange={set('description')}
        required
        {...error('description')}
      />
      <StageSelect value={form.stage} onChange={set('stage')} required {...error('stage')} />
      <RegionSelect value={form.region} onChange={set('region')} name="regionKeys" required {...error('regionKeys')} />
      <TextField
        label={t('draft.field.unit')}
        hint={t('draft.unitHint')}
        name="unit"
        value={form.unit}
        onChange={set('unit')}
        required
        {...error('unit')}
      />
      <RadioGroup
        label={t('draft.field.direction')}
        name="direction"
        value={form.direction}
        onChange={set('direction')}
        required
        options={[
          { value: 'higher', label: t('goal.directionValue.higher') },
          { value: 'lower', label: t('goal.directionValue.lower') },
        ]}
      />
      <TextField
        label={t('draft.field.baselineValue')}
        name="baseline.value"
        inputMode="decimal"
        value={form.baselineValue}
        onChange={set('baselineValue')}
        required
        {...error('baseline.value')}
      />
      <TextField
        label={t('draft.field.baselineDate')}
        name="baseline.date"
        type="date"
        value={form.baselineDate}
        onChange={set('baselineDate')}
        required
        {...error('baseline.date')}
      />
      <TextField
        label={t('draft.field.targetValue')}
        name="target.value"
        inputMode="decimal"
        value={form.targetValue}
        onChange={set('targetValue')}
        required
        {...error('target.value')}
      />
      <TextField
        label={t('draft.field.targetDate')}
        name="target.dueDate"
        type="date"
        value={form.targetDate}
        onChange={set('targetDate')}
        required
        {...error('target.dueDate')}
      />
      <TextField
        label={t('draft.field.indicator')}
        hint={t('draft.indicatorHint')}
        name="indicator"
        value={form.indicator}
        onChange={set('indicator')}
        {...error('indicator')}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('goal.parties')}</legend>
        <div className="kern-fieldset__body">
          {form.parties.map((party, index) => (
            <div className="party-row" key={index} role="group" aria-label={t('draft.party', { number: index + 1 })}>
              <TextField
                label={t('draft.field.partyId')}
                hint={t('draft.partyIdHint')}
                name={`parties.${index}.id`}
                value={party.id}
                onChange={(value) => setParty(index, 'id', value)}
                required
                {...error(`parties.${index}.id`)}
              />
              <TextField
                label={t('draft.field.partyName')}
                name={`parties.${index}.name`}
                value={party.name}
                onChange={(value) => setParty(index, 'name', value)}
                required
                {...error(`parties.${index}.name`)}
              />
              <SelectField
                label={t('goal.partyRoleLabel')}
                name={`parties.${index}.role`}
                value={party.role}
                onChange={(value) => setParty(index, 'role', value)}
                required
                options={[
                  { value: 'responsible', label: t('goal.partyRole.responsible') },
                  { value: 'contributing', label: t('goal.partyRole.contributing') },
                ]}
              />
              {form.parties.length > 1 ? (
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => setForm({ ...form, parties: form.parties.filter((_, at) => at !== index) })}
                >
                  <span className="kern-label">{t('draft.removeParty', { number: index + 1 })}</span>
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => setForm({ ...form, parties: [...form.parties, { id: '', name: '', role: 'contributing' }] })}
          >
            <span className="kern-label">{t('draft.addParty')}</span>
          </button>
        </div>
      </fieldset>
      <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
        <span className="kern-label">{submitLabel}</span>
      </button>
    </form>
  );
}
