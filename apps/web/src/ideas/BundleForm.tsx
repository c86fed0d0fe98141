import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { TextField } from '../shell/ui';
import { BundleBody, IdeaSummary, useFormBundle } from './idea-queries';
import { StageChoices } from './StageChoices';

/**
 * Bündeln: the ideas chosen in the list merged into one, with a title, a text and the reason. The
 * merged ideas stay readable; the form starts from their titles and Bildungsbereiche.
 */
export function BundleForm({ sources, onFormed }: { sources: readonly IdeaSummary[]; onFormed: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const bundle = useFormBundle();
  const [form, setForm] = useState({ title: '', description: '', reason: '', stages: [] as string[] });
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  if (sources.length < 2)
    return (
      <p className="kern-body kern-body--muted" data-testid="bundle-hint">
        {t('ideas.bundle.hint')}
      </p>
    );
  const stages = form.stages.length > 0 ? form.stages : [...new Set(sources.flatMap((source) => source.stages))];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!form.title.trim()) missing['title'] = t('ideas.submit.problem.required');
    if (!form.description.trim()) missing['description'] = t('ideas.submit.problem.required');
    if (!form.reason.trim()) missing['reason'] = t('ideas.submit.problem.required');
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    try {
      const formed = await bundle.mutateAsync({
        title: form.title.trim(),
        description: form.description.trim(),
        stages: stages as BundleBody['stages'],
        regionKeys: [...new Set(sources.flatMap((source) => source.regionKeys))],
        reason: form.reason.trim(),
        sourceIds: sources.map((source) => source.id),
      });
      onFormed();
      navigate(`/ideen/${formed.ideaId}`);
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (fieldErrors[path] ? { error: fieldErrors[path] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading" className="kern-heading-medium">
        {t('ideas.bundle.title', { count: sources.length })}
      </h2>
      <ul className="kern-list">
        {sources.map((source) => (
          <li key={source.id} className="kern-body">
            {source.title}
          </li>
        ))}
      </ul>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
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
      <StageChoices values={stages} onChange={(chosen) => setForm({ ...form, stages: chosen })} {...error('stages')} />
      <TextField
        multiline
        label={t('ideas.bundle.reason')}
        hint={t('ideas.bundle.reasonHint')}
        name="reason"
        value={form.reason}
        onChange={(reason) => setForm({ ...form, reason })}
        required
        {...error('reason')}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={bundle.isPending}>
        <span className="kern-label">{t('ideas.bundle.button')}</span>
      </button>
    </form>
  );
}
