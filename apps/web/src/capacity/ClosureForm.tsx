import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { TextField } from '../shell/ui';
import { Disclosure } from './CapacityForms';
import { Institution, useCloseInstitution } from './capacity-queries';

/** Einrichtung schließen: from a day on, its places leave the capacity plan; the reason goes into the history. */
export function ClosureForm({ institution }: { institution: Institution }) {
  const { t } = useTranslation();
  const close = useCloseInstitution(institution.id);
  const [form, setForm] = useState({ closedFrom: '', reason: '' });
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof typeof form) => (value: string) => setForm({ ...form, [name]: value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await close.mutateAsync(form);
    } catch (error) {
      fail(error);
    }
  };
  return (
    // Once closed, the page shows the institution's new status instead of this form.
    <Disclosure title={t('capacity.close')} done={null}>
      <form className="step-form" aria-label={t('capacity.close')} onSubmit={(event) => void submit(event)} noValidate>
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        <TextField
          type="date"
          label={t('capacity.closedFrom')}
          hint={t('capacity.closedFromHint')}
          name="closedFrom"
          required
          value={form.closedFrom}
          onChange={set('closedFrom')}
          error={fieldErrors['closedFrom']}
        />
        <TextField
          label={t('capacity.reason')}
          hint={t('capacity.closureReasonHint')}
          name="reason"
          required
          multiline
          value={form.reason}
          onChange={set('reason')}
          error={fieldErrors['reason']}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={close.isPending}>
          <span className="kern-label">{t('capacity.close')}</span>
        </button>
      </form>
    </Disclosure>
  );
}
