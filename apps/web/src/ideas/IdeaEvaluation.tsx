import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../auth/session';
import { formatNumber } from '../lib/format';
import { CommandProblem, FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { RadioGroup, TableScroll, TextField } from '../shell/ui';
import { IdeaView, useIdea, useIdeaStep } from './idea-queries';

type View = IdeaView;
const SCALE = ['1', '2', '3', '4', '5'];

/** Bewertung: progress, weighted mean and spread; the office assigns evaluators, an evaluator scores. */
export function IdeaEvaluation({ ideaId, view, person }: { ideaId: string; view: View; person: Person }) {
  const { t } = useTranslation();
  const { idea, evaluationSummary: summary } = view;
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  const open = idea.status === 'submitted' && (!idea.decision || idea.decision.outcome === 'parked');
  const assigned = idea.evaluation?.evaluators.some(
    (evaluator) => evaluator.id === person.actorId || evaluator.id === person.id,
  );
  if (!idea.evaluation && !(coordinator && open)) return null;
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 id="evaluation-heading" className="kern-heading-medium">
        {t('idea.evaluation.title')}
      </h2>
      {summary ? (
        <p className="kern-body" data-testid="evaluation-summary">
          {t('idea.evaluation.progress', { submitted: summary.submitted, assigned: summary.assigned })}
          {summary.weightedMean !== null && summary.spread
            ? ` · ${t('idea.evaluation.mean', {
                mean: formatNumber(summary.weightedMean),
                lowest: formatNumber(summary.spread.lowest),
                highest: formatNumber(summary.spread.highest),
              })}`
            : ''}
        </p>
      ) : (
        <p className="kern-body">{t('idea.evaluation.none')}</p>
      )}
      {idea.evaluation && idea.evaluation.evaluations.length > 0 ? <EvaluationOverview view={view} /> : null}
      {coordinator && open ? <AssignEvaluators ideaId={ideaId} /> : null}
      {assigned && open && idea.evaluation ? (
        <EvaluationForm ideaId={ideaId} criteria={idea.evaluation.criteria} />
      ) : null}
    </section>
  );
}

function EvaluationOverview({ view }: { view: View }) {
  const { t } = useTranslation();
  const evaluation = view.idea.evaluation as NonNullable<View['idea']['evaluation']>;
  const entries = evaluation.evaluations as {
    evaluatorId: string;
    scores: { criterionKey: string; score: number; justification: string }[];
  }[];
  return (
    <TableScroll label={t('idea.evaluation.overview')}>
      <table className="kern-table kern-table--small" data-testid="evaluation-overview">
        <caption className="kern-body">{t('idea.evaluation.overview')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('idea.evaluation.evaluator')}
            </th>
            {evaluation.criteria.map((criterion) => (
              <th scope="col" className="kern-table__header" key={criterion.key}>
                {t('idea.evaluation.criterionWeight', { label: criterion.label, weight: criterion.weight })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {entries.map((entry) => (
            <tr className="kern-table__row" key={entry.evaluatorId}>
              <th scope="row">{entry.evaluatorId}</th>
              {evaluation.criteria.map((criterion) => {
                const score = entry.scores.find((candidate) => candidate.criterionKey === criterion.key);
                return (
                  <td className="kern-table__cell" key={criterion.key}>
                    {score ? `${score.score} – ${score.justification}` : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function AssignEvaluators({ ideaId }: { ideaId: string }) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const reload = useIdea(ideaId).refetch;
  const [ids, setIds] = useState('');
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const evaluators = ids
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean)
      .map((id) => ({ id, kind: 'actor' as const }));
    if (evaluators.length === 0) return setFieldErrors({ evaluators: t('idea.evaluation.evaluatorsRequired') });
    try {
      await step.mutateAsync({ kind: 'assignEvaluators', evaluators });
      setIds('');
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form" aria-labelledby="assign-heading">
      <h3 id="assign-heading" className="kern-heading-small">
        {t('idea.evaluation.assign')}
      </h3>
      {problem ? <CommandProblem problem={problem} onReload={() => void reload()} staleText={t('idea.stale')} /> : null}
      <TextField
        label={t('idea.evaluation.evaluators')}
        hint={t('idea.evaluation.evaluatorsHint')}
        name="evaluators"
        value={ids}
        onChange={setIds}
        required
        {...(fieldErrors['evaluators'] ? { error: fieldErrors['evaluators'] } : {})}
      />
      <button type="submit" className="kern-btn kern-btn--secondary" disabled={step.isPending}>
        <span className="kern-label">{t('idea.evaluation.assignButton')}</span>
      </button>
    </form>
  );
}

function EvaluationForm({
  ideaId,
  criteria,
}: {
  ideaId: string;
  criteria: readonly { key: string; label: string; weight: number }[];
}) {
  const { t } = useTranslation();
  const step = useIdeaStep(ideaId);
  const [scores, setScores] = useState<Record<string, { score: string; justification: string }>>({});
  const [saved, setSaved] = useState(false);
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const entry = (key: string) => scores[key] ?? { score: '', justification: '' };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    setSaved(false);
    const missing: Record<string, string> = {};
    for (const criterion of criteria) {
      if (!entry(criterion.key).score) missing[`${criterion.key}.score`] = t('idea.evaluation.scoreRequired');
      if (!entry(criterion.key).justification.trim())
        missing[`${criterion.key}.justification`] = t('idea.evaluation.justificationRequired');
    }
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    try {
      await step.mutateAsync({
        kind: 'evaluate',
        body: {
          scores: criteria.map((criterion) => ({
            criterionKey: criterion.key,
            score: Number(entry(criterion.key).score),
            justification: entry(criterion.key).justification.trim(),
          })),
        },
      });
      setSaved(true);
    } catch (error) {
      fail(error);
    }
  };
  const error = (path: string) => (fieldErrors[path] ? { error: fieldErrors[path] } : {});
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form" aria-labelledby="evaluate-heading">
      <h3 id="evaluate-heading" className="kern-heading-small">
        {t('idea.evaluation.yours')}
      </h3>
      <p className="kern-body kern-body--muted">{t('idea.evaluation.scale')}</p>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      {criteria.map((criterion) => (
        <fieldset className="kern-fieldset" key={criterion.key}>
          <legend className="kern-label">
            {t('idea.evaluation.criterionWeight', { label: criterion.label, weight: criterion.weight })}
          </legend>
          <div className="kern-fieldset__body">
            <RadioGroup
              label={t('idea.evaluation.score', { label: criterion.label })}
              name={`${criterion.key}.score`}
              value={entry(criterion.key).score}
              onChange={(score) => setScores({ ...scores, [criterion.key]: { ...entry(criterion.key), score } })}
              required
              options={SCALE.map((value) => ({ value, label: value }))}
              {...error(`${criterion.key}.score`)}
            />
            <TextField
              multiline
              label={t('idea.evaluation.justification', { label: criterion.label })}
              name={`${criterion.key}.justification`}
              value={entry(criterion.key).justification}
              onChange={(justification) =>
                setScores({ ...scores, [criterion.key]: { ...entry(criterion.key), justification } })
              }
              required
              {...error(`${criterion.key}.justification`)}
            />
          </div>
        </fieldset>
      ))}
      {saved ? (
        <p role="status" className="kern-body">
          {t('idea.evaluation.saved')}
        </p>
      ) : null}
      <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
        <span className="kern-label">{t('idea.evaluation.submit')}</span>
      </button>
    </form>
  );
}
