import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useRegions } from '../monitoring/monitoring-queries';
import { usePerson } from '../shell/AuthProvider';
import { FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { usePageTitle } from '../shell/page-title';
import { Alert, CheckboxGroup, TextField } from '../shell/ui';
import { EMPTY_IDEA, IdeaForm, ideaFormToBody } from './idea-form';
import { SimilarIdea, similarIdeasQuery, useSimilarIdeas, useSubmitIdea } from './idea-queries';
import { StageChoices } from './StageChoices';
import { SimilarIdeasPanel } from './SimilarIdeasPanel';
import { useDebounced } from './use-debounced';

/** The pause after typing before the similar ideas are looked up. */
const TYPING_PAUSE_MS = 400;

/**
 * Idee einreichen: title, description and Bildungsbereiche, with the open ideas that read alike
 * shown while typing; a likely duplicate is pointed out once more before the idea is submitted.
 */
export function NewIdeaPage() {
  const { t } = useTranslation();
  const person = usePerson();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  usePageTitle(t('ideas.submit.title'));
  const regions = useRegions();
  const submitIdea = useSubmitIdea();
  const [form, setForm] = useState<IdeaForm>(EMPTY_IDEA);
  const [confirming, setConfirming] = useState<readonly SimilarIdea[] | null>(null);
  const { fieldErrors: errors, setFieldErrors: setErrors, problem, clear, fail } = useCommandErrors();
  const typed = {
    title: useDebounced(form.title, TYPING_PAUSE_MS),
    description: useDebounced(form.description, TYPING_PAUSE_MS),
  };
  const similar = useSimilarIdeas(typed);
  if (person.role === 'auditor')
    return (
      <Alert kind="danger" title={t('problem.forbidden.title')}>
        <p className="kern-body">{t('ideas.submit.forbidden')}</p>
      </Alert>
    );
  const set = (name: 'title' | 'description' | 'tags' | 'onBehalfOf') => (value: string) => {
    setConfirming(null);
    setForm({ ...form, [name]: value });
  };
  const submit = async (event: FormEvent, despiteDuplicates = false) => {
    event.preventDefault();
    clear();
    const result = ideaFormToBody(form);
    if (!result.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(result.problems).map(([field, key]) => [field, t(`ideas.submit.problem.${key}`)]),
        ),
      );
      return;
    }
    try {
      if (!despiteDuplicates) {
        // Asked again for the text as it is now: the panel may still show the text of a moment ago.
        const { queryKey, queryFn } = similarIdeasQuery({ title: form.title, description: form.description });
        const latest = await queryClient.fetchQuery({ queryKey, queryFn });
        const duplicates = latest.items.filter((idea) => idea.level === 'likely-duplicate');
        if (duplicates.length > 0) {
          setConfirming(duplicates);
          return;
        }
      }
      const created = await submitIdea.mutateAsync(result.body);
      navigate(`/ideen/${created.ideaId}`);
    } catch (error) {
      setConfirming(null);
      fail(error);
    }
  };
  const error = (path: string) => (errors[path] ? { error: errors[path] } : {});
  const coordinates = person.role === 'coordinator' || person.role === 'admin';
  return (
    <>
      <p>
        <Link className="kern-link" to="/ideen">
          {t('idea.back')}
        </Link>
      </p>
      <h1 className="kern-heading-large">{t('ideas.submit.title')}</h1>
      <div className="idea-form-layout">
        <form onSubmit={(event) => void submit(event)} noValidate className="step-form">
          <FormProblems problem={problem} fieldErrors={errors} />
          <TextField
            label={t('idea.title')}
            name="title"
            value={form.title}
            onChange={set('title')}
            required
            {...error('title')}
          />
          <TextField
            multiline
            label={t('idea.description')}
            hint={t('ideas.submit.descriptionHint')}
            name="description"
            value={form.description}
            onChange={set('description')}
            required
            {...error('description')}
          />
          <StageChoices values={form.stages} onChange={(stages) => setForm({ ...form, stages })} {...error('stages')} />
          <details className="idea-regions">
            <summary className="kern-body">{t('ideas.submit.regions', { count: form.regionKeys.length })}</summary>
            <CheckboxGroup
              label={t('idea.regions')}
              hint={t('ideas.submit.regionsHint')}
              name="regionKeys"
              values={form.regionKeys}
              onChange={(regionKeys) => setForm({ ...form, regionKeys })}
              options={(regions.data ?? []).map((region) => ({ value: region.key, label: region.name }))}
              {...error('regionKeys')}
            />
          </details>
          <TextField
            label={t('idea.tags')}
            hint={t('ideas.submit.tagsHint')}
            name="tags"
            value={form.tags}
            onChange={set('tags')}
            {...error('tags')}
          />
          {coordinates ? (
            <TextField
              label={t('ideas.submit.onBehalfOf')}
              hint={t('ideas.submit.onBehalfOfHint')}
              name="onBehalfOf"
              value={form.onBehalfOf}
              onChange={set('onBehalfOf')}
              {...error('onBehalfOf')}
            />
          ) : null}
          {confirming ? (
            <Alert kind="warning" title={t('ideas.submit.confirm.title')}>
              <p className="kern-body">{t('ideas.submit.confirm.text', { count: confirming.length })}</p>
              <ul className="kern-list">
                {confirming.map((idea) => (
                  <li key={idea.ideaId}>
                    <Link className="kern-link" to={`/ideen/${idea.ideaId}`}>
                      {idea.title}
                    </Link>
                  </li>
                ))}
              </ul>
              <button
                type="button"
                className="kern-btn kern-btn--secondary"
                disabled={submitIdea.isPending}
                onClick={(event) => void submit(event, true)}
              >
                <span className="kern-label">{t('ideas.submit.confirm.anyway')}</span>
              </button>
            </Alert>
          ) : (
            <button type="submit" className="kern-btn kern-btn--primary" disabled={submitIdea.isPending}>
              <span className="kern-label">{t('ideas.submit.button')}</span>
            </button>
          )}
        </form>
        <SimilarIdeasPanel
          items={similar.data?.items}
          searching={similar.isFetching || typed.title !== form.title || typed.description !== form.description}
        />
      </div>
    </>
  );
}
