import { useTranslation } from 'react-i18next';
import { SelectField } from '../shell/ui';
import { EDUCATION_STAGES } from './goal-types';
import { useGoalLabels } from './labels';
import { useRegions } from '../monitoring/monitoring-queries';

/**
 * As a filter, the empty choice means all; in a form a choice is asked for (`required`), its empty
 * option says so and the field carries the form's error.
 */
interface ChoiceProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly required?: boolean;
  readonly error?: string;
}

function emptyChoice(t: (key: string) => string, required: boolean | undefined) {
  return required ? { required: true, emptyLabel: t('form.choose') } : { emptyLabel: t('filter.all') };
}

/** Choosing a Gemeinde (or the whole Landkreis) from monitoring's reference data. */
export function RegionSelect({ value, onChange, required, error, name = 'region' }: ChoiceProps & { name?: string }) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <SelectField
      label={t('filter.region')}
      name={name}
      value={value}
      onChange={onChange}
      {...emptyChoice(t, required)}
      {...(error ? { error } : {})}
      options={(regions.data ?? []).map((region) => ({ value: region.key, label: region.name }))}
    />
  );
}

export function StageSelect({ value, onChange, required, error }: ChoiceProps) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  return (
    <SelectField
      label={t('filter.stage')}
      name="stage"
      value={value}
      onChange={onChange}
      {...emptyChoice(t, required)}
      {...(error ? { error } : {})}
      options={EDUCATION_STAGES.map((stage) => ({ value: stage, label: labels.stage(stage) }))}
    />
  );
}
