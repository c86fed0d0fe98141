import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseGermanNumber } from '../lib/format';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { Alert, SelectField, TextField } from '../shell/ui';
import { useMonitoringLabels } from './labels';
import { useCorrection, useRegions } from './monitoring-queries';

const EMPTY = { regionKey: '', period: '', value: '', reason: '' };

/** Corrects a recorded value with a reason; goals fed by the indicator follow the correction. */
export function CorrectionForm({
  indicatorKey,
  unit,
  periods,
  onReload,
}: {
  indicatorKey: string;
  unit: string;
  periods: readonly string[];
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const regions = useRegions();
  const correction = useCorrection(indicatorKey);
  const [values, setValues] = useState(EMPTY);
  const { fieldErrors: errors, setFieldErrors: setErrors, problem, clear, fail } = useCommandErrors();
  const [done, setDone] = useState<string | undefined>();
  const set = (name: keyof typeof EMPTY) => (value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clear();
    setDone(undefined);
    const value = parseGermanNumber(values.value);
    const found: Record<string, string> = {};
    if (!values.regionKey) found['regionKey'] = t('monitoring.correction.regionMissing');
    if (!values.period) found['period'] = t('monitoring.correction.periodMissing');
    if (value === null) found['value'] = t('monitoring.correction.valueInvalid');
    if (!values.reason.trim()) found['reason'] = t('monitoring.correction.reasonMissing');
    setErrors(found);
    if (Object.keys(found).length > 0 || value === null) return;
    correction.mutate(
      { regionKey: values.regionKey, period: values.period, value, reason: values.reason.trim() },
      {
        onSuccess: () => {
          const region = regions.data?.find((candidate) => candidate.key === values.regionKey)?.name;
          setDone(t('monitoring.correction.done', { region, period: values.period, value: labels.value(value, unit) }));
          setValues(EMPTY);
        },
        onError: fail,
      },
    );
  };
  return (
    <section aria-labelledby="correction-heading">
      <h2 id="correction-heading" className="kern-heading-medium">
        {t('monitoring.correction.title')}
      </h2>
      {done ? <Alert kind="success" title={done} /> : null}
      <form className="step-form" noValidate onSubmit={submit} aria-labelledby="correction-heading">
        {problem ? (
          <CommandProblem problem={problem} onReload={onReload} staleText={t('monitoring.correction.stale')} />
        ) : null}
        <SelectField
          label={t('trace.region')}
          name="regionKey"
          required
          value={values.regionKey}
          emptyLabel={t('monitoring.chooseRegion')}
          options={(regions.data ?? []).map((region) => ({ value: region.key, label: region.name }))}
          onChange={set('regionKey')}
          error={errors['regionKey']}
        />
        <SelectField
          label={t('trace.period')}
          name="period"
          required
          value={values.period}
          emptyLabel={t('monitoring.correction.choosePeriod')}
          options={[...periods].reverse().map((period) => ({ value: period, label: period }))}
          onChange={set('period')}
          error={errors['period']}
        />
        <TextField
          label={t('monitoring.correction.value', { unit: labels.unit(unit) })}
          name="value"
          required
          inputMode="decimal"
          value={values.value}
          onChange={set('value')}
          error={errors['value']}
          hint={t('monitoring.correction.valueHint')}
        />
        <TextField
          label={t('monitoring.correction.reason')}
          name="reason"
          required
          multiline
          value={values.reason}
          onChange={set('reason')}
          error={errors['reason']}
          hint={t('monitoring.correction.reasonHint')}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={correction.isPending}>
          <span className="kern-label">{t('monitoring.correction.submit')}</span>
        </button>
      </form>
    </section>
  );
}
