import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { Alert, TextField } from '../shell/ui';
import { Institution, KITA_AGE_GROUPS, SCHOOL_TYPES, useChangeCapacity, useReportOccupancy } from './capacity-queries';
import { useCapacityLabels } from './labels';

type Group = (typeof KITA_AGE_GROUPS)[number];
const whole = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** A form folded away until asked for, with a success message after it was sent. */
export function Disclosure({
  title,
  done,
  children,
}: {
  title: string;
  done: string | null;
  children: React.ReactNode;
}) {
  return (
    <>
      {done ? <Alert kind="success" title={done} /> : null}
      <details className="step">
        <summary className="kern-btn kern-btn--secondary">
          <span className="kern-label">{title}</span>
        </summary>
        {children}
      </details>
    </>
  );
}

/** Kapazität ändern: approved places per age group (Kitas) or streams (schools), as of a day, with a reason. */
export function CapacityForm({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const change = useChangeCapacity(institution.id);
  const school = SCHOOL_TYPES.includes(institution.type);
  const [form, setForm] = useState<Record<string, string>>({ effectiveFrom: '', reason: '', streams: '' });
  const [done, setDone] = useState<string | null>(null);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: string) => (value: string) => {
    setDone(null);
    setForm({ ...form, [name]: value });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const places = Object.fromEntries(
      KITA_AGE_GROUPS.flatMap((group) => {
        const approved = whole(form[`${group}.approved`] ?? '');
        if (approved === undefined) return [];
        return [
          [
            group,
            {
              approved,
              overSevenHours: whole(form[`${group}.overSevenHours`] ?? '') ?? 0,
              integration: whole(form[`${group}.integration`] ?? '') ?? 0,
            },
          ],
        ];
      }),
    );
    try {
      await change.mutateAsync({
        effectiveFrom: form['effectiveFrom'] ?? '',
        reason: form['reason'] ?? '',
        ...(school ? { streams: whole(form['streams'] ?? '') } : { places }),
      });
      setForm({ effectiveFrom: '', reason: '', streams: '' });
      setDone(t('capacity.capacityChanged'));
    } catch (error) {
      fail(error);
    }
  };
  const field = (name: string, label: string, hint?: string) => (
    <TextField
      key={name}
      label={label}
      hint={hint}
      name={name}
      inputMode="numeric"
      value={form[name] ?? ''}
      onChange={set(name)}
      error={fieldErrors[name.startsWith('streams') ? 'streams' : `places.${name}`]}
    />
  );
  return (
    <Disclosure title={t('capacity.changeCapacity')} done={done}>
      <form
        className="step-form"
        aria-label={t('capacity.changeCapacity')}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        <TextField
          type="date"
          label={t('capacity.effectiveFrom')}
          name="effectiveFrom"
          required
          value={form['effectiveFrom'] ?? ''}
          onChange={set('effectiveFrom')}
          error={fieldErrors['effectiveFrom']}
        />
        {school
          ? field('streams', t('capacity.streams'))
          : KITA_AGE_GROUPS.map((group: Group) => (
              <fieldset className="field-group" key={group}>
                <legend className="kern-label">{labels.stage(group)}</legend>
                {field(`${group}.approved`, t('capacity.approved'))}
                {field(`${group}.overSevenHours`, t('capacity.overSevenHours'))}
                {field(`${group}.integration`, t('capacity.integration'))}
              </fieldset>
            ))}
        <TextField
          label={t('capacity.reason')}
          hint={t('capacity.reasonHint')}
          name="reason"
          required
          multiline
          value={form['reason'] ?? ''}
          onChange={set('reason')}
          error={fieldErrors['reason']}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={change.isPending}>
          <span className="kern-label">{t('capacity.changeCapacity')}</span>
        </button>
      </form>
    </Disclosure>
  );
}

/** Belegung melden: the occupied places per age group on a reference date. */
export function OccupancyForm({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const report = useReportOccupancy(institution.id);
  const [form, setForm] = useState<Record<string, string>>({ referenceDate: '' });
  const [done, setDone] = useState<string | null>(null);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: string) => (value: string) => {
    setDone(null);
    setForm({ ...form, [name]: value });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const occupied = Object.fromEntries(
      KITA_AGE_GROUPS.flatMap((group) => {
        const value = whole(form[group] ?? '');
        return value === undefined ? [] : [[group, value]];
      }),
    );
    try {
      await report.mutateAsync({ referenceDate: form['referenceDate'] ?? '', occupied });
      setForm({ referenceDate: '' });
      setDone(t('capacity.occupancyReported'));
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Disclosure title={t('capacity.reportOccupancy')} done={done}>
      <form
        className="step-form"
        aria-label={t('capacity.reportOccupancy')}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        <TextField
          type="date"
          label={t('capacity.referenceDate')}
          hint={t('capacity.referenceDateHint')}
          name="referenceDate"
          required
          value={form['referenceDate'] ?? ''}
          onChange={set('referenceDate')}
          error={fieldErrors['referenceDate']}
        />
        {KITA_AGE_GROUPS.map((group) => (
          <TextField
            key={group}
            label={`${labels.stage(group)}: ${t('capacity.occupied')}`}
            name={group}
            inputMode="numeric"
            value={form[group] ?? ''}
            onChange={set(group)}
            error={fieldErrors[`occupied.${group}`]}
          />
        ))}
        <button type="submit" className="kern-btn kern-btn--primary" disabled={report.isPending}>
          <span className="kern-label">{t('capacity.reportOccupancy')}</span>
        </button>
      </form>
    </Disclosure>
  );
}
