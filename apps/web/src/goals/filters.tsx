import { useTranslation } from 'react-i18next';
import { SelectField } from '../shell/ui';
import { EDUCATION_STAGES } from './goal-types';
import { useGoalLabels } from './labels';
import { useRegions } from '../monitoring/monitoring-queries';

/** Choosing a Gemeinde (or the whole Landkreis) from monitoring's reference data. */
export function RegionSelect({
  value,
  onChange,
  name = 'region',
}: {
  value: string;
  onChange: (value: string) => void;
  name?: string;
}) {
  const { t } = useTranslation();
  const regions = useRegions();
  return (
    <SelectField
      label={t('filter.region')}
      name={name}
      value={value}
      onChange={onChange}
      emptyLabel={t('filter.all')}
      options={(regions.data ?? []).map((region) => ({ value: region.key, label: region.name }))}
    />
  );
}

export function StageSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  return (
    <SelectField
      label={t('filter.stage')}
      name="stage"
      value={value}
      onChange={onChange}
      emptyLabel={t('filter.all')}
      options={EDUCATION_STAGES.map((stage) => ({ value: stage, label: labels.stage(stage) }))}
    />
  );
}
