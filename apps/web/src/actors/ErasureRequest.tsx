import { FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { Alert, TextField } from '../shell/ui';
import { useEraseContact } from './actor-queries';

/**
 * Löschantrag: says what the erasure does and cannot undo, asks for the reason and the file number,
 * and erases only on an explicit confirmation. Focus moves to it when it opens.
 */
export function ErasureRequest({
  contact,
  onClose,
}: {
  contact: { contactId: string; name: string };
  onClose: (result: 'erased' | 'cancelled') => void;
}) {
  const { t } = useTranslation();
  const erase = useEraseContact();
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  useEffect(() => heading.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    if (reason.trim() === '') return setFieldErrors({ reason: t('form.problem.required') });
    try {
      await erase.mutateAsync({
        contactId: contact.contactId,
        body: { reason, ...(reference.trim() ? { reference: reference.trim() } : {}) },
      });
      onClose('erased');
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form className="step-form" aria-labelledby="erasure-heading" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="erasure-heading" className="kern-heading-small" tabIndex={-1} ref={heading}>
        {t('contacts.erasureTitle', { name: contact.name })}
      </h3>
      <Alert kind="warning" title={t('contacts.erasure')}>
        <p className="kern-body">{t('contacts.erasureExplain')}</p>
      </Alert>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <TextField
        label={t('contacts.erasureReason')}
        hint={t('contacts.erasureReasonHint')}
        name="reason"
        required
        multiline
        value={reason}
        onChange={setReason}
        error={fieldErrors['reason']}
      />
      <TextField
        label={t('contacts.erasureReference')}
        name="reference"
        value={reference}
        onChange={setReference}
        error={fieldErrors['reference']}
      />
      <div className="row-actions">
        <button type="submit" className="kern-btn kern-btn--primary" disabled={erase.isPending}>
          <span className="kern-label">{t('contacts.erasureConfirm')}</span>
        </button>
        <button type="button" className="kern-btn kern-btn--secondary" onClick={() => onClose('cancelled')}>
          <span className="kern-label">{t('contacts.erasureCancel')}</span>
        </button>
      </div>
    </form>
  );
}
