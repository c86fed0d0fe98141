import { useTranslation } from 'react-i18next';
import { EDUCATION_STAGES } from '../goals/goal-types';
import { CheckboxGroup } from '../shell/ui';
import { useIdeaLabels } from './labels';

/** The Bildungsbereiche an idea concerns: at least one, chosen from all six. */
export function StageChoices({
  values,
  onChange,
  error,
}: {
  values: readonly string[];
  onChange: (stages: string[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  return (
    <CheckboxGroup
      label={t('idea.stages')}
      name="stages"
      values={values}
      onChange={onChange}
      options={EDUCATION_STAGES.map((stage) => ({ value: stage, label: labels.stage(stage) }))}
      required
      {...(error ? { error } : {})}
    />
  );
}
