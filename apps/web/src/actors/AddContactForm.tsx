import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { Alert, SelectField, TextField } from '../shell/ui';
import { CONTACT_ROLES, ContactRole, useAddContact } from './actor-queries';
import { useActorLabels } from './labels';

const EMPTY = { role: '', name: '', email: '', phone: '' };

/** Ansprechperson hinzufügen: role and personal data, which is stored only encrypted. */
export function AddContactForm({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  const labels = useActorLabels();
  const add = useAddContact(actorId);
  const [form, setForm] = useState(EMPTY);
  const [added, setAdded] = useState(false);
  const [open, setOpen] = useState(false);
  const { fieldErrors, problem, clear, fail } = useCommandErrors();
  const set = (name: keyof typeof EMPTY) => (value: string) => {
    setAdded(false);
    setForm({ ...form, [name]: value });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    try {
      await add.mutateAsync({
        role: form.role as ContactRole,
        personal: {
          name: form.name,
          ...(form.email.trim() ? { email: form.email.trim() } : {}),
          ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
        },
      });
      setForm(EMPTY);
      setAdded(true);
      setOpen(false);
    } catch (error) {
      fail(error);
    }
  };
  return (
    <>
      {added ? <Alert kind="success" title={t('contacts.added')} /> : null}
      <details
        className="step"
        open={open}
        onToggle={(event) => {
          setOpen(event.currentTarget.open);
          if (event.currentTarget.open) setAdded(false);
        }}
      >
        <summary className="kern-btn kern-btn--secondary">
          <span className="kern-label">{t('contacts.add')}</span>
        </summary>
        <form className="step-form" aria-label={t('contacts.add')} onSubmit={(event) => void submit(event)} noValidate>
          <p className="kern-hint">{t('contacts.personalHint')}</p>
          <FormProblems problem={problem} fieldErrors={fieldErrors} />
          <SelectField
            label={t('contacts.role')}
            name="role"
            required
            value={form.role}
            onChange={set('role')}
            emptyLabel={t('form.choose')}
            error={fieldErrors['role']}
            options={CONTACT_ROLES.map((role) => ({ value: role, label: labels.contactRole(role) }))}
          />
          <TextField
            label={t('contacts.name')}
            name="contact-name"
            required
            value={form.name}
            onChange={set('name')}
            error={fieldErrors['personal.name']}
          />
          <TextField
            label={t('contacts.email')}
            name="email"
            value={form.email}
            onChange={set('email')}
            error={fieldErrors['personal.email']}
          />
          <TextField
            label={t('contacts.phone')}
            name="phone"
            value={form.phone}
            onChange={set('phone')}
            error={fieldErrors['personal.phone']}
          />
          <button type="submit" className="kern-btn kern-btn--primary" disabled={add.isPending}>
            <span className="kern-label">{t('contacts.add')}</span>
          </button>
        </form>
      </details>
    </>
  );
}
