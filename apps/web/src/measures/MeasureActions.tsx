import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../capacity/CapacityForms';
import { todayInBerlin } from '../lib/format';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { Alert, TextField } from '../shell/ui';
import { Measure, useApproveMeasure, useDropMeasure, useImplementMeasure } from './measure-queries';

/** One step of a measure in a folded form: its fields, the command, and what the server says is wrong. */
function Step({
  title,
  pending,
  fields,
  onSubmit,
}: {
  title: string;
  pending: boolean;
  fields: (errors: Record<string, string>) => React.ReactNode;
  onSubmit: () => Promise<unknown>;
}) {
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await onSubmit();
    } catch (error) {
      fail(error);
    }
  };
  return (
    // The step goes once it is done; the page says so above the steps that remain.
    <Disclosure title={title} done={null}>
      <form className="step-form" aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
        <FormProblems problem={problem} fieldErrors={fieldErrors} />
        {fields(fieldErrors)}
        <button type="submit" className="kern-btn kern-btn--primary" disabled={pending}>
          <span className="kern-label">{title}</span>
        </button>
      </form>
    </Disclosure>
  );
}

/** What a coordinator can do next: record the decision, record the implementation, or drop the measure. */
export function MeasureActions({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const approve = useApproveMeasure(measure.id);
  const implement = useImplementMeasure(measure.id);
  const drop = useDropMeasure(measure.id);
  const [approval, setApproval] = useState({ authority: '', decidedOn: todayInBerlin() });
  const [implementedOn, setImplementedOn] = useState(todayInBerlin());
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const then = (message: string) => () => setDone(message);
  return (
    <>
      {done ? <Alert kind="success" title={done} /> : null}
      <div className="row-actions">
        {measure.status === 'planned' ? (
          <Step
            title={t('measures.approve')}
            pending={approve.isPending}
            onSubmit={() => approve.mutateAsync(approval).then(then(t('measures.approvedDone')))}
            fields={(errors) => (
              <>
                <TextField
                  label={t('measures.authority')}
                  hint={t('measures.authorityHint')}
                  name="authority"
                  required
                  value={approval.authority}
                  onChange={(authority) => setApproval({ ...approval, authority })}
                  error={errors['authority']}
                />
                <TextField
                  type="date"
                  label={t('measures.decidedOn')}
                  name="decidedOn"
                  required
                  value={approval.decidedOn}
                  onChange={(decidedOn) => setApproval({ ...approval, decidedOn })}
                  error={errors['decidedOn']}
                />
              </>
            )}
          />
        ) : null}
        {measure.status === 'approved' ? (
          <Step
            title={t('measures.implement')}
            pending={implement.isPending}
            onSubmit={() => implement.mutateAsync(implementedOn).then(then(t('measures.implementedDone')))}
            fields={(errors) => (
              <TextField
                type="date"
                label={t('measures.implementedOn')}
                name="implementedOn"
                required
                value={implementedOn}
                onChange={setImplementedOn}
                error={errors['implementedOn']}
              />
            )}
          />
        ) : null}
        {measure.status === 'planned' || measure.status === 'approved' ? (
          <Step
            title={t('measures.drop')}
            pending={drop.isPending}
            onSubmit={() => drop.mutateAsync(reason).then(then(t('measures.droppedDone')))}
            fields={(errors) => (
              <TextField
                label={t('measures.reason')}
                hint={t('measures.dropReasonHint')}
                name="reason"
                required
                multiline
                value={reason}
                onChange={setReason}
                error={errors['reason']}
              />
            )}
          />
        ) : null}
      </div>
    </>
  );
}
