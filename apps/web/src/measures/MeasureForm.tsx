import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGoalList } from '../goals/goal-queries';
import { optionalGermanNumber } from '../lib/format';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { CheckboxGroup, SelectField, TextField } from '../shell/ui';
import { KITA_AGE_GROUPS, KITA_TYPES, PlanningStage, useInstitutions } from '../capacity/capacity-queries';
import { useCapacityLabels } from '../capacity/labels';
import { Measure, MeasureBody } from './measure-queries';

export interface MeasureFormState {
  readonly title: string;
  readonly description: string;
  readonly regionKey: string;
  readonly institutionId: string;
  readonly stage: string;
  readonly places: string;
  readonly effectiveFrom: string;
  readonly investment: string;
  readonly annual: string;
  readonly goalIds: readonly string[];
  readonly reason: string;
}

export const EMPTY_MEASURE: MeasureFormState = {
  title: '',
  description: '',
  regionKey: '',
  institutionId: '',
  stage: '',
  places: '',
  effectiveFrom: '',
  investment: '',
  annual: '',
  goalIds: [],
  reason: '',
};

/** The form filled with a measure's terms, to revise it. */
export function formOf(measure: Measure): MeasureFormState {
  return {
    ...EMPTY_MEASURE,
    title: measure.title,
    description: measure.description,
    regionKey: measure.regionKey,
    institutionId: measure.effect?.institutionId ?? '',
    stage: measure.effect?.stage ?? '',
    places: measure.effect ? String(measure.effect.places) : '',
    effectiveFrom: measure.effect?.effectiveFrom ?? '',
    investment: measure.cost?.investment === undefined ? '' : String(measure.cost.investment),
    annual: measure.cost?.annual === undefined ? '' : String(measure.cost.annual),
    goalIds: measure.goalIds,
  };
}

/** The request body of the form: an effect only where an institution was chosen, cost only where given. */
export function bodyOf(form: MeasureFormState): MeasureBody {
  const investment = optionalGermanNumber(form.investment);
  const annual = optionalGermanNumber(form.annual);
  return {
    title: form.title,
    description: form.description,
    regionKey: form.regionKey,
    goalIds: [...form.goalIds],
    ...(form.institutionId
      ? {
          effect: {
            institutionId: form.institutionId,
            stage: form.stage as PlanningStage,
            places: optionalGermanNumber(form.places) ?? 0,
            effectiveFrom: form.effectiveFrom,
          },
        }
      : {}),
    ...(investment !== undefined || annual !== undefined
      ? { cost: { ...(investment !== undefined ? { investment } : {}), ...(annual !== undefined ? { annual } : {}) } }
      : {}),
  };
}

/** Maßnahme planen or überarbeiten: what, where, the places it adds, what it costs and which goals it serves. */
export function MeasureForm({
  label,
  initial,
  withReason,
  pending,
  onSubmit,
}: {
  label: string;
  initial: MeasureFormState;
  withReason: boolean;
  pending: boolean;
  /** Resolves once recorded; a rejection shows its problem at the fields. */
  onSubmit: (form: MeasureFormState) => Promise<void>;
}) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const [form, setForm] = useState(initial);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const district = form.regionKey.length === 5;
  const institutions = useInstitutions({
    ...(form.regionKey && !district ? { regionKey: form.regionKey } : {}),
    status: 'open',
    limit: 200,
    offset: 0,
  });
  const goals = useGoalList({ limit: 100, offset: 0, sort: 'title' });
  const set = (name: keyof MeasureFormState) => (value: string) => setForm({ ...form, [name]: value });
  const choosable = (institutions.data?.items ?? []).filter(
    (item) => KITA_TYPES.includes(item.type) || item.type === 'grundschule',
  );
  const chosen = choosable.find((item) => item.id === form.institutionId);
  const stages: readonly PlanningStage[] = !chosen
    ? []
    : chosen.type === 'grundschule'
      ? ['grundschule']
      : KITA_AGE_GROUPS;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await onSubmit(form);
      setForm(initial);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form className="step-form" aria-label={label} onSubmit={(event) => void submit(event)} noValidate>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <TextField
        label={t('measures.titleField')}
        name="title"
        required
        value={form.title}
        onChange={set('title')}
        error={fieldErrors['title']}
      />
      <TextField
        label={t('measures.description')}
        hint={t('measures.descriptionHint')}
        name="description"
        multiline
        value={form.description}
        onChange={set('description')}
        error={fieldErrors['description']}
      />
      <SelectField
        label={t('measures.region')}
        hint={t('measures.regionHint')}
        name="regionKey"
        required
        value={form.regionKey}
        onChange={(value) => setForm({ ...form, regionKey: value, institutionId: '', stage: '' })}
        emptyLabel=""
        error={fieldErrors['regionKey']}
        options={labels.regions.map((region) => ({ value: region.key, label: region.name }))}
      />
      <SelectField
        label={t('measures.institution')}
        hint={t('measures.institutionHint')}
        name="institutionId"
        value={form.institutionId}
        onChange={(value) => {
          const type = choosable.find((item) => item.id === value)?.type;
          setForm({ ...form, institutionId: value, stage: type === 'grundschule' ? 'grundschule' : '' });
        }}
        emptyLabel={t('measures.institutionNone')}
        error={fieldErrors['effect.institutionId']}
        options={choosable.map((item) => ({
          value: item.id,
          label: `${item.name} (${labels.region(item.regionKey)})`,
        }))}
      />
      {form.institutionId ? (
        <>
          <SelectField
            label={t('measures.stage')}
            name="stage"
            required
            value={form.stage}
            onChange={set('stage')}
            emptyLabel=""
            error={fieldErrors['effect.stage']}
            options={stages.map((stage) => ({ value: stage, label: labels.stage(stage) }))}
          />
          <TextField
            label={t('measures.places')}
            name="places"
            inputMode="numeric"
            required
            value={form.places}
            onChange={set('places')}
            error={fieldErrors['effect.places']}
          />
          <TextField
            type="date"
            label={t('measures.effectiveFrom')}
            hint={t('measures.effectiveFromHint')}
            name="effectiveFrom"
            required
            value={form.effectiveFrom}
            onChange={set('effectiveFrom')}
            error={fieldErrors['effect.effectiveFrom']}
          />
        </>
      ) : null}
      <TextField
        label={t('measures.investment')}
        name="investment"
        inputMode="decimal"
        value={form.investment}
        onChange={set('investment')}
        error={fieldErrors['cost.investment']}
      />
      <TextField
        label={t('measures.annual')}
        name="annual"
        inputMode="decimal"
        value={form.annual}
        onChange={set('annual')}
        error={fieldErrors['cost.annual']}
      />
      {goals.data && goals.data.items.length > 0 ? (
        <CheckboxGroup
          label={t('measures.goals')}
          hint={t('measures.goalsHint')}
          name="goalIds"
          values={form.goalIds}
          onChange={(goalIds) => setForm({ ...form, goalIds })}
          error={fieldErrors['goalIds']}
          options={goals.data.items.map((goal) => ({ value: goal.id, label: goal.title }))}
        />
      ) : null}
      {withReason ? (
        <TextField
          label={t('measures.reason')}
          hint={t('measures.reviseReasonHint')}
          name="reason"
          required
          multiline
          value={form.reason}
          onChange={set('reason')}
          error={fieldErrors['reason']}
        />
      ) : null}
      <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
        <span className="kern-label">{label}</span>
      </button>
    </form>
  );
}
