import { FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { formatDate, formatNumber, todayInBerlin } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { Alert, RadioGroup, SelectField, TextField } from '../shell/ui';
import type { Goal } from './goal-types';
import { useGoalStep } from './goal-queries';
import { Action, ACTION_FIELDS, availableActions, FieldSpec, formToBody, partiesAwaitingConsent } from './lifecycle';

function initialValues(action: Action, goal: Goal, actorId: string | undefined): Record<string, string> {
  if (action === 'progress') return { asOf: todayInBerlin() };
  if (action === 'consent' && actorId) return { partyId: actorId };
  if (action === 'close') return { outcome: 'achieved' };
  if (action === 'correction') return { progressId: goal.progress[goal.progress.length - 1]?.progressId ?? '' };
  return {};
}

function StepForm({
  goal,
  goalId,
  action,
  onDone,
  onReload,
}: {
  goal: Goal;
  goalId: string;
  action: Action;
  onDone: (action: Action) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const person = usePerson();
  const step = useGoalStep(goalId);
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(action, goal, person.actorId));
  const { fieldErrors, setFieldErrors, problem, clear, fail } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const result = formToBody(action, values);
    if (!result.ok) {
      setFieldErrors(
        Object.fromEntries(Object.entries(result.problems).map(([field, key]) => [field, t(`form.problem.${key}`)])),
      );
      return;
    }
    try {
      await step.mutateAsync({ action, body: result.body });
      onDone(action);
    } catch (error) {
      fail(error);
    }
  };
  const field = (spec: FieldSpec) => {
    const common = {
      name: spec.name,
      label: t(`step.field.${spec.name}`),
      value: values[spec.name] ?? '',
      onChange: (value: string) => setValues({ ...values, [spec.name]: value }),
      required: spec.required,
      ...(fieldErrors[spec.name] ? { error: fieldErrors[spec.name] } : {}),
    };
    switch (spec.kind) {
      case 'textarea':
        return <TextField {...common} multiline />;
      case 'number':
        return <TextField {...common} inputMode="decimal" hint={t('form.numberHint')} />;
      case 'date':
        return <TextField {...common} type="date" />;
      case 'party':
        return (
          <SelectField
            {...common}
            options={partiesAwaitingConsent(goal, person).map((party) => ({ value: party.id, label: party.name }))}
            emptyLabel={t('form.choose')}
          />
        );
      case 'progress':
        return (
          <SelectField
            {...common}
            options={goal.progress.map((record) => ({
              value: record.progressId,
              label: `${formatDate(record.asOf)}: ${formatNumber(record.value)}`,
            }))}
          />
        );
      case 'outcome':
        return (
          <RadioGroup
            {...common}
            options={(['achieved', 'missed'] as const).map((outcome) => ({
              value: outcome,
              label: t(`goal.status.${outcome}`),
            }))}
          />
        );
      default:
        return <TextField {...common} hint={spec.name === 'authority' ? t('form.authorityHint') : undefined} />;
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
      {problem ? <CommandProblem problem={problem} onReload={onReload} staleText={t('step.stale.text')} /> : null}
      {ACTION_FIELDS[action].map((spec) => (
        <Fragment key={spec.name}>{field(spec)}</Fragment>
      ))}
      <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
        <span className="kern-label">{t(`step.${action}.submit`)}</span>
      </button>
    </form>
  );
}

/** Every step the person may take on the goal now, each as a form that opens in place. */
export function GoalActions({ goal, goalId, onReload }: { goal: Goal; goalId: string; onReload: () => void }) {
  const { t } = useTranslation();
  const person = usePerson();
  const [done, setDone] = useState<Action | undefined>();
  const [open, setOpen] = useState<Action | undefined>();
  // Counts finished steps, so each form starts empty again afterwards.
  const [completed, setCompleted] = useState(0);
  const actions = availableActions(goal, person);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading" className="kern-heading-medium">
        {t('step.title')}
      </h2>
      {done ? <Alert kind="success" title={t(`step.${done}.done`)} /> : null}
      {actions.length === 0 ? (
        <p className="kern-body">{t(person.role === 'auditor' ? 'step.noneForAuditors' : 'step.none')}</p>
      ) : null}
      {goal.status === 'proposed' &&
      !actions.includes('agree') &&
      person.role !== 'actor' &&
      person.role !== 'auditor' ? (
        <p className="kern-body">{t('step.awaitingConsent')}</p>
      ) : null}
      {actions.map((action) => (
        <details
          key={action}
          className="step"
          open={open === action}
          onToggle={(event) => {
            const isOpen = (event.target as HTMLDetailsElement).open;
            if (isOpen) setOpen(action);
            else if (open === action) setOpen(undefined);
          }}
        >
          <summary className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t(`step.${action}.open`)}</span>
          </summary>
          {/* Always rendered, so a form opened with the keyboard is there for the very next Tab. */}
          <StepForm
            key={`${action}-${completed}`}
            goal={goal}
            goalId={goalId}
            action={action}
            onReload={onReload}
            onDone={(finished) => {
              setDone(finished);
              setCompleted(completed + 1);
              setOpen(undefined);
            }}
          />
        </details>
      ))}
    </section>
  );
}
