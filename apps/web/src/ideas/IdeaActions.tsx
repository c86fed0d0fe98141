import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../auth/session';
import { CommandProblem, useCommandErrors } from '../shell/CommandProblem';
import { Alert, RadioGroup, SelectField, TextField } from '../shell/ui';
import { mayChange } from './access';
import { tagsOf } from './idea-form';
import { IdeaView, ReviseIdeaBody, useIdea, useIdeaStep, useSimilarIdeas, WITHDRAWAL_REASONS } from './idea-queries';
import { useIdeaLabels } from './labels';
import { StageChoices } from './StageChoices';

type Idea = IdeaView['idea'];

/** Überarbeiten and Zurückziehen, for the author and the office while the idea is open. */
export function IdeaActions({ ideaId, idea, person }: { ideaId: string; idea: Idea; person: Person }) {
  const { t } = useTranslation();
  if (!mayChange(person, idea)) return null;
  return (
    <section aria-labelledby="idea-actions-heading">
      <h2 id="idea-actions-heading" className="kern-heading-medium">
        {t('idea.actions')}
      </h2>
      <ReviseForm ideaId={ideaId} idea={idea} />
      <WithdrawForm ideaId={ideaId} idea={idea} />
    </section>
  );
}

function ReviseForm({ ideaId, idea }: { ideaId: string; idea: Idea }) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const reload = useIdea(ideaId).refetch;
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    title: idea.content.title,
    description: idea.content.description,
    stages: [...idea.content.stages] as string[],
    tags: idea.content.tags.join(', '),
  });
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!form.title.trim()) missing['title'] = t('ideas.submit.problem.required');
    if (!form.description.trim()) missing['description'] = t('ideas.submit.problem.required');
    if (form.stages.length === 0) missing['stages'] = t('ideas.submit.problem.stageRequired');
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    const candidate = {
      title: form.title.trim(),
      description: form.description.trim(),
      stages: form.stages as ReviseIdeaBody['stages'],
      tags: tagsOf(form.tags),
    };
    const body = Object.fromEntries(
      Object.entries(candidate).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(idea.content[key as keyof typeof idea.content]),
      ),
    ) as ReviseIdeaBody;
    if (Object.keys(body).length === 0) return setFieldErrors({ title: t('idea.revise.nothingChanged') });
    try {
      await step.mutateAsync({ kind: 'revise', body });
      setOpen(false);
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (fieldErrors[path] ? { error: fieldErrors[path] } : {});
  return (
    <details className="step" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="kern-btn kern-btn--secondary">
        <span className="kern-label">{t('idea.revise.title')}</span>
      </summary>
      <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
        {problem ? (
          <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} />
        ) : null}
        <TextField
          label={t('idea.title')}
          name="title"
          value={form.title}
          onChange={(title) => setForm({ ...form, title })}
          required
          {...error('title')}
        />
        <TextField
          multiline
          label={t('idea.description')}
          name="description"
          value={form.description}
          onChange={(description) => setForm({ ...form, description })}
          required
          {...error('description')}
        />
        <StageChoices values={form.stages} onChange={(stages) => setForm({ ...form, stages })} {...error('stages')} />
        <TextField
          label={t('idea.tags')}
          hint={t('ideas.submit.tagsHint')}
          name="tags"
          value={form.tags}
          onChange={(tags) => setForm({ ...form, tags })}
          {...error('tags')}
        />
        <p className="kern-body kern-body--muted">{t('idea.revise.keptInHistory')}</p>
        <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
          <span className="kern-label">{t('idea.revise.button')}</span>
        </button>
      </form>
    </details>
  );
}

function WithdrawForm({ ideaId, idea }: { ideaId: string; idea: Idea }) {
  const { t } = useTranslation();
  const labels = useIdeaLabels();
  const step = useIdeaStep(ideaId);
  const reload = useIdea(ideaId).refetch;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [explanation, setExplanation] = useState('');
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const candidates = useSimilarIdeas({
    title: idea.content.title,
    description: idea.content.description,
    excluding: ideaId,
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!reason) missing['reason'] = t('idea.withdraw.reasonRequired');
    if (reason === 'duplicate' && !duplicateOf) missing['duplicateOf'] = t('idea.withdraw.duplicateOfRequired');
    if (!explanation.trim()) missing['explanation'] = t('ideas.submit.problem.required');
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    try {
      await step.mutateAsync({
        kind: 'withdraw',
        body: {
          reason: reason as (typeof WITHDRAWAL_REASONS)[number],
          explanation: explanation.trim(),
          ...(reason === 'duplicate' ? { duplicateOf } : {}),
        },
      });
      setOpen(false);
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (fieldErrors[path] ? { error: fieldErrors[path] } : {});
  const options = (candidates.data?.items ?? []).map((candidate) => ({
    value: candidate.ideaId,
    label: `${candidate.title} (${labels.level(candidate.level ?? 'similar')})`,
  }));
  return (
    <details className="step" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="kern-btn kern-btn--secondary">
        <span className="kern-label">{t('idea.withdraw.title')}</span>
      </summary>
      <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
        {problem ? (
          <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} />
        ) : null}
        <RadioGroup
          label={t('idea.withdraw.reason')}
          name="reason"
          value={reason}
          onChange={setReason}
          options={WITHDRAWAL_REASONS.map((value) => ({ value, label: labels.reason(value) }))}
          required
          {...error('reason')}
        />
        {reason === 'duplicate' ? (
          options.length > 0 ? (
            <SelectField
              label={t('idea.withdraw.duplicateOf')}
              hint={t('idea.withdraw.duplicateOfHint')}
              name="duplicateOf"
              value={duplicateOf}
              onChange={setDuplicateOf}
              emptyLabel={t('form.choose')}
              options={options}
              required
              {...error('duplicateOf')}
            />
          ) : (
            <Alert kind="info" title={t('idea.withdraw.noCandidates')} />
          )
        ) : null}
        <TextField
          multiline
          label={t('idea.withdraw.explanation')}
          name="explanation"
          value={explanation}
          onChange={setExplanation}
          required
          {...error('explanation')}
        />
        <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
          <span className="kern-label">{t('idea.withdraw.button')}</span>
        </button>
      </form>
    </details>
  );
}
