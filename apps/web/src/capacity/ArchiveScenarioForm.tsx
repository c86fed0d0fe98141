import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { TextField } from '../shell/ui';
import { Disclosure } from './CapacityForms';
import { useArchiveScenario } from './capacity-queries';

/** Szenario archivieren: it leaves the lists and comparisons; recorded plan runs keep the versions they used. */
export function ArchiveScenarioForm({ scenarioId, onArchived }: { scenarioId: string; onArchived: () => void }) {
  const { t } = useTranslation();
  const archive = useArchiveScenario(scenarioId);
  const [reason, setReason] = useState('');
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await archive.mutateAsync(reason);
      onArchived();
    } catch (error) {
      fail(error);
    }
  };
  return (
    <Disclosure title={t('capacity.archive')} done={null}>
      <form
        className="step-form"
        aria-label={t('capacity.archive')}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        <TextField
          label={t('capacity.reason')}
          hint={t('capacity.archiveReasonHint')}
          name="reason"
          required
          multiline
          value={reason}
          onChange={setReason}
          error={fieldErrors['reason']}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={archive.isPending}>
          <span className="kern-label">{t('capacity.archive')}</span>
        </button>
      </form>
    </Disclosure>
  );
}
