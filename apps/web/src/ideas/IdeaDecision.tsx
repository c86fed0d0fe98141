import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../auth/session';
import { CommandProblem, FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { RadioGroup, TextField } from '../shell/ui';
import { IdeaView, useIdea, useIdeaStep } from './idea-queries';

type Idea = IdeaView['idea'];
const OUTCOMES = ['accepted', 'rejected', 'parked'] as const;

/** Entscheidung und Übernahme: the office decides on an open idea and hands an accepted one on. */
export function IdeaDecision({ ideaId, idea, person }: { ideaId: string; idea: Idea; person: Person }) {
  const { t } = useTranslation();
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  if (!idea.decision && !(coordinator && idea.status === 'submitted')) return null;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading" className="kern-heading-medium">
        {t('idea.decision.title')}
      </h2>
      {idea.decision ? (
        <p className="kern-body" data-testid="decision">
          {t(`idea.decision.outcome.${idea.decision.outcome}`)} · {idea.decision.authority}
          {idea.decision.reason ? ` · ${idea.decision.reason}` : ''}
        </p>
      ) : null}
      {idea.promotions.map((promotion) => (
        <p className="kern-body" key={promotion.promotionId} data-testid="promotion">
          {promotion.resultId ? (
            <Link
              className="kern-link"
              to={`/${promotion.target === 'goal' ? 'ziele' : 'massnahmen'}/${promotion.resultId}`}
            >
              {t(promotion.target === 'goal' ? 'idea.promotion.goalCreated' : 'idea.promotion.measureCreated')}
            </Link>
          ) : (
            t(`idea.promotion.pending.${promotion.target}`)
          )}
        </p>
      ))}
      {coordinator && idea.status === 'submitted' && idea.promotions.length === 0 ? (
        <DecisionForm ideaId={ideaId} />
      ) : null}
      {coordinator && idea.status === 'submitted' && idea.decision?.outcome === 'accepted' ? (
        <Promotion ideaId={ideaId} idea={idea} />
      ) : null}
    </section>
  );
}

function DecisionForm({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const [form, setForm] = useState({ outcome: '', authority: '', reason: '' });
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!form.outcome) missing['outcome'] = t('idea.decision.outcomeRequired');
    if (!form.authority.trim()) missing['authority'] = t('ideas.submit.problem.required');
    if (form.outcome === 'rejected' && !form.reason.trim()) missing['reason'] = t('idea.decision.reasonRequired');
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    try {
      await step.mutateAsync({
        kind: 'decide',
        body: {
          outcome: form.outcome as (typeof OUTCOMES)[number],
          authority: form.authority.trim(),
          reason: form.reason.trim(),
        },
      });
      setForm({ outcome: '', authority: '', reason: '' });
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (fieldErrors[path] ? { error: fieldErrors[path] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form" aria-labelledby="decide-heading">
      <h3 id="decide-heading" className="kern-heading-small">
        {t('idea.decision.record')}
      </h3>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <RadioGroup
        label={t('idea.decision.outcomeLabel')}
        name="outcome"
        value={form.outcome}
        onChange={(outcome) => setForm({ ...form, outcome })}
        required
        options={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`idea.decision.outcome.${outcome}`) }))}
        {...error('outcome')}
      />
      <TextField
        label={t('idea.decision.authority')}
        hint={t('idea.decision.authorityHint')}
        name="authority"
        value={form.authority}
        onChange={(authority) => setForm({ ...form, authority })}
        required
        {...error('authority')}
      />
      <TextField
        multiline
        label={t('idea.decision.reason')}
        hint={t('idea.decision.reasonHint')}
        name="reason"
        value={form.reason}
        onChange={(reason) => setForm({ ...form, reason })}
        {...error('reason')}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
        <span className="kern-label">{t('idea.decision.button')}</span>
      </button>
    </form>
  );
}

function Promotion({ ideaId, idea }: { ideaId: string; idea: Idea }) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const reload = useIdea(ideaId).refetch;
  const { problem, clear, fail } = useCommandErrors();
  const promoted = (target: 'goal' | 'measure') => idea.promotions.some((promotion) => promotion.target === target);
  const promote = async (target: 'goal' | 'measure') => {
    clear();
    try {
      await step.mutateAsync({ kind: 'promote', target });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <div className="step-form">
      {problem ? <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} /> : null}
      {(['goal', 'measure'] as const).map((target) =>
        promoted(target) ? null : (
          <button
            key={target}
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={step.isPending}
            onClick={() => void promote(target)}
          >
            <span className="kern-label">{t(`idea.promotion.button.${target}`)}</span>
          </button>
        ),
      )}
    </div>
  );
}
