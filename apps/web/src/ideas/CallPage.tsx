import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useGoal } from '../goals/goal-queries';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate, formatNumber } from '../lib/format';
import { useIndicators, useRegionName } from '../monitoring/monitoring-queries';
import { usePerson } from '../shell/AuthProvider';
import { CommandProblem, FormProblems, useCommandErrors } from '../shell/CommandProblem';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Badge, TextField } from '../shell/ui';
import { CallSummary, useCall, useCallStep, useIdeaList } from './idea-queries';
import { useIdeaLabels } from './labels';
import { StageChoices } from './StageChoices';

function GoalCause({ goalId, to }: { goalId: string; to: string }) {
  const { t } = useTranslation();
  const goal = useGoal(goalId);
  const title = goal.data?.goal.terms?.title;
  return (
    <>
      {t('calls.causeGoalBefore')}
      <Link className="kern-link" to={`/ziele/${goalId}`}>
        {title ? `„${title}“` : t('calls.causeGoalUnnamed')}
      </Link>
      {t('calls.causeGoalAfter', { to: t(`goal.assessment.${to}`) })}
    </>
  );
}

function BreachCause({ data }: { data: Record<string, string | number | null> }) {
  const { t } = useTranslation();
  const indicators = useIndicators();
  const regionName = useRegionName();
  const indicatorKey = String(data['indicatorKey']);
  return (
    <>
      {t('calls.causeBreachBefore')}
      <Link className="kern-link" to={`/monitoring/indikatoren/${indicatorKey}`}>
        {indicators.data?.find((indicator) => indicator.key === indicatorKey)?.name ?? indicatorKey}
      </Link>
      {t('calls.causeBreachAfter', {
        region: regionName(String(data['regionKey'])),
        period: data['period'],
        value: formatNumber(Number(data['value'])),
        threshold: formatNumber(Number(data['threshold'])),
      })}
    </>
  );
}

/** What made the system draft a call, with links to it: a threshold breach or a goal that went off course. */
export function CallCause({ cause }: { cause: CallSummary['cause'] }) {
  const { t } = useTranslation();
  if (!cause) return <>{t('calls.byOffice')}</>;
  const data = cause as Record<string, string | number | null>;
  return cause.kind === 'threshold-breach' ? (
    <BreachCause data={data} />
  ) : (
    <GoalCause goalId={String(data['goalId'])} to={String(data['to'])} />
  );
}

/** One Ideenaufruf: what it asks, why it exists, its ideas; a coordinator opens and closes it. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const person = usePerson();
  const labels = useIdeaLabels();
  const view = useCall(id);
  const ideas = useIdeaList({ callId: id, limit: 100 });
  const call = view.data?.call;
  usePageTitle(call?.terms.theme ?? t('calls.title'));
  useDataReady(Boolean(view.data));
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  const terms = call?.terms as
    { theme: string; description: string; stages: string[]; targetGroups: string[] } | undefined;
  return (
    <>
      <p>
        <Link className="kern-link" to="/ideenaufrufe">
          {t('calls.back')}
        </Link>
      </p>
      <QueryProblem query={view} />
      {call && terms ? (
        <>
          <div className="page-heading">
            <h1 className="kern-heading-large">{terms.theme}</h1>
            <Badge kind={call.status === 'open' ? 'success' : 'info'}>{t(`calls.status.${call.status}`)}</Badge>
          </div>
          <p className="kern-body">{terms.description}</p>
          <dl className="kern-description-list">
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('calls.cause')}</dt>
              <dd className="kern-description-list-item__value">
                <CallCause cause={call.cause as CallSummary['cause']} />
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('idea.stages')}</dt>
              <dd className="kern-description-list-item__value">
                {terms.stages.length > 0 ? terms.stages.map((stage) => labels.stage(stage as never)).join(', ') : '–'}
              </dd>
            </div>
            <div className="kern-description-list-item">
              <dt className="kern-description-list-item__key">{t('calls.period')}</dt>
              <dd className="kern-description-list-item__value">
                {call.period
                  ? t('calls.periodValue', {
                      from: formatDate(call.period.opensOn),
                      to: formatDate(call.period.closesOn),
                    })
                  : '–'}
              </dd>
            </div>
          </dl>
          {coordinator && call.status === 'draft' ? <OpenCall callId={id} stages={terms.stages} /> : null}
          {coordinator && call.status === 'open' ? (
            <CloseCall callId={id} onReload={() => void view.refetch()} />
          ) : null}
          <section aria-labelledby="call-ideas-heading">
            <h2 id="call-ideas-heading" className="kern-heading-medium">
              {t('calls.ideas', { count: view.data?.ideaCount ?? 0 })}
            </h2>
            <ul className="kern-list">
              {ideas.data?.items.map((idea) => (
                <li key={idea.id} className="kern-body">
                  <Link className="kern-link" to={`/ideen/${idea.id}`}>
                    {idea.title}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

function OpenCall({ callId, stages }: { callId: string; stages: readonly string[] }) {
  const { t } = useTranslation();
  const step = useCallStep(callId);
  const [closesOn, setClosesOn] = useState('');
  const [chosen, setChosen] = useState<string[]>([...stages]);
  const { fieldErrors, problem, clear, fail, setFieldErrors } = useCommandErrors();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const missing: Record<string, string> = {};
    if (!closesOn) missing['closesOn'] = t('ideas.submit.problem.required');
    if (chosen.length === 0) missing['stages'] = t('ideas.submit.problem.stageRequired');
    if (Object.keys(missing).length > 0) return setFieldErrors(missing);
    const changed = JSON.stringify(chosen) !== JSON.stringify(stages);
    try {
      await step.mutateAsync({ kind: 'open', closesOn, ...(changed ? { stages: chosen } : {}) });
    } catch (error) {
      fail(error);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="step-form" aria-labelledby="open-heading">
      <h2 id="open-heading" className="kern-heading-medium">
        {t('calls.open')}
      </h2>
      <FormProblems problem={problem} fieldErrors={fieldErrors} />
      <StageChoices
        values={chosen}
        onChange={setChosen}
        {...(fieldErrors['stages'] ? { error: fieldErrors['stages'] } : {})}
      />
      <TextField
        label={t('calls.closesOn')}
        name="closesOn"
        type="date"
        value={closesOn}
        onChange={setClosesOn}
        required
        {...(fieldErrors['closesOn'] ? { error: fieldErrors['closesOn'] } : {})}
      />
      <button type="submit" className="kern-btn kern-btn--primary" disabled={step.isPending}>
        <span className="kern-label">{t('calls.openButton')}</span>
      </button>
    </form>
  );
}

function CloseCall({ callId, onReload }: { callId: string; onReload: () => void }) {
  const { t } = useTranslation();
  const step = useCallStep(callId);
  const { problem, clear, fail } = useCommandErrors();
  return (
    <div className="step-form">
      {problem ? <CommandProblem problem={problem} onReload={onReload} staleText={t('calls.stale')} /> : null}
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        disabled={step.isPending}
        onClick={() => {
          clear();
          step.mutateAsync({ kind: 'close' }).catch(fail);
        }}
      >
        <span className="kern-label">{t('calls.closeButton')}</span>
      </button>
    </div>
  );
}
