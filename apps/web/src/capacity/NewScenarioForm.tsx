import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { optionalGermanNumber } from '../lib/format';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { Alert, CheckboxGroup, SelectField, TextField } from '../shell/ui';
import { ScenarioBody, useCreateScenario } from './capacity-queries';
import { useCapacityLabels } from './labels';

const EMPTY = {
  name: '',
  description: '',
  birthsChangePercent: '',
  migrationPercent: '',
  krippe: '',
  kindergarten: '',
  areaName: '',
  areaRegion: '',
  areaChildren: '',
  areaYear: '',
  plannedMeasures: '',
};
type Form = typeof EMPTY;

function bodyOf(form: Form): ScenarioBody {
  const participation = Object.fromEntries(
    (['krippe', 'kindergarten'] as const).flatMap((stage) =>
      form[stage].trim() ? [[stage, optionalGermanNumber(form[stage])]] : [],
    ),
  );
  const area = form.areaName.trim()
    ? [
        {
          name: form.areaName.trim(),
          regionKey: form.areaRegion,
          children: optionalGermanNumber(form.areaChildren) ?? 0,
          fromYear: optionalGermanNumber(form.areaYear) ?? 0,
        },
      ]
    : [];
  return {
    name: form.name,
    description: form.description,
    assumptions: {
      participation,
      birthsChangePercent: optionalGermanNumber(form.birthsChangePercent) ?? 0,
      migrationPercent: optionalGermanNumber(form.migrationPercent) ?? 0,
      buildingAreas: area,
      includePlannedMeasures: form.plannedMeasures === 'include',
    },
  } as ScenarioBody;
}

/** Szenario anlegen: the usual variants — rates, births, migration, a building area — with the text for the paper. */
export function NewScenarioForm() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const create = useCreateScenario();
  const [form, setForm] = useState(EMPTY);
  const [done, setDone] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof Form) => (value: string) => {
    setDone(false);
    setForm({ ...form, [name]: value });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await create.mutateAsync(bodyOf(form));
      setForm(EMPTY);
      setDone(true);
    } catch (error) {
      fail(error);
    }
  };
  const field = (name: keyof Form, label: string, hint?: string, error = fieldErrors[name]) => (
    <TextField
      label={label}
      hint={hint}
      name={name}
      inputMode="decimal"
      value={form[name]}
      onChange={set(name)}
      error={error}
    />
  );
  return (
    <section aria-labelledby="new-scenario-heading">
      <h2 id="new-scenario-heading" className="kern-heading-medium">
        {t('capacity.newScenario')}
      </h2>
      {done ? <Alert kind="success" title={t('capacity.scenarioCreated')} /> : null}
      <details className="step">
        <summary className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('capacity.newScenario')}</span>
        </summary>
        <form
          className="step-form"
          aria-labelledby="new-scenario-heading"
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
          <TextField
            label={t('capacity.description')}
            hint={t('capacity.descriptionHint')}
            name="description"
            required
            multiline
            value={form.description}
            onChange={set('description')}
            error={fieldErrors['description']}
          />
          {field(
            'birthsChangePercent',
            t('capacity.birthsChange'),
            t('capacity.birthsHint'),
            fieldErrors['assumptions.birthsChangePercent'],
          )}
          {field('migrationPercent', t('capacity.migration'), undefined, fieldErrors['assumptions.migrationPercent'])}
          {field(
            'krippe',
            t('capacity.rateKrippe'),
            t('capacity.rateHint'),
            fieldErrors['assumptions.participation.krippe'],
          )}
          {field(
            'kindergarten',
            t('capacity.rateKindergarten'),
            t('capacity.rateHint'),
            fieldErrors['assumptions.participation.kindergarten'],
          )}
          <fieldset className="field-group">
            <legend className="kern-label">{t('capacity.areaName')}</legend>
            <TextField
              label={t('capacity.areaName')}
              name="areaName"
              value={form.areaName}
              onChange={set('areaName')}
              error={fieldErrors['assumptions.buildingAreas.0.name']}
            />
            <SelectField
              label={t('capacity.areaRegion')}
              name="areaRegion"
              value={form.areaRegion}
              onChange={set('areaRegion')}
              emptyLabel=""
              error={fieldErrors['assumptions.buildingAreas.0.regionKey']}
              options={labels.municipalities.map((region) => ({ value: region.key, label: region.name }))}
            />
            {field(
              'areaChildren',
              t('capacity.areaChildren'),
              undefined,
              fieldErrors['assumptions.buildingAreas.0.children'],
            )}
            {field('areaYear', t('capacity.areaYear'), undefined, fieldErrors['assumptions.buildingAreas.0.fromYear'])}
            <CheckboxGroup
              label={t('measures.goalMeasures')}
              hint={t('measures.includePlannedHint')}
              name="plannedMeasures"
              values={form.plannedMeasures ? [form.plannedMeasures] : []}
              onChange={(values) => set('plannedMeasures')(values[0] ?? '')}
              options={[{ value: 'include', label: t('measures.includePlanned') }]}
            />
          </fieldset>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={create.isPending}>
            <span className="kern-label">{t('capacity.newScenario')}</span>
          </button>
        </form>
      </details>
    </section>
  );
}
