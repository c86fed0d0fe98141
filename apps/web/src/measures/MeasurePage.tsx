import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Disclosure } from '../capacity/CapacityForms';
import { useCapacityLabels } from '../capacity/labels';
import { useGoalList } from '../goals/goal-queries';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate, formatNumber } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Badge } from '../shell/ui';
import { MeasureActions } from './MeasureActions';
import { MeasurePlanEffect } from './MeasurePlanEffect';
import { bodyOf, formOf, MeasureForm } from './MeasureForm';
import { Measure, MeasureStatus, useMeasure, useReviseMeasure } from './measure-queries';

const STATUS_BADGES = { planned: 'info', approved: 'success', implemented: 'success', dropped: 'warning' } as const;

export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return <Badge kind={STATUS_BADGES[status]}>{t(`measures.statuses.${status}`)}</Badge>;
}

/** A measure's capacity effect in words: +30 Plätze Krippe ab 01.08.2027. */
export function useEffectWords() {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  return (measure: Pick<Measure, 'effect'>) =>
    measure.effect
      ? t('measures.effectSummary', {
          places: formatNumber(measure.effect.places, 0),
          stage: labels.stage(measure.effect.stage),
          date: formatDate(measure.effect.effectiveFrom),
        })
      : t('measures.noEffect');
}

const euros = (value: number | undefined) => (value === undefined ? '–' : `${formatNumber(value, 0)} €`);

/** A measure: what it is, what it adds where, what it costs, which goals it serves, and how far it has come. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const effectWords = useEffectWords();
  const measure = useMeasure(id);
  const goals = useGoalList({ limit: 100, offset: 0 });
  const found = measure.data;
  usePageTitle(found?.title ?? t('measures.title'));
  useDataReady(Boolean(found));
  const plans = person.role === 'coordinator' || person.role === 'admin';
  const goalTitle = (goalId: string) => goals.data?.items.find((goal) => goal.id === goalId)?.title ?? goalId;
  return (
    <>
      <p>
        <Link className="kern-link" to="/massnahmen">
          {t('measures.back')}
        </Link>
      </p>
      <QueryProblem query={measure} />
      {found ? (
        <>
          <h1 className="kern-heading-large">{found.title}</h1>
          <p>
            <MeasureStatusBadge status={found.status} />
          </p>
          {found.description ? <p className="kern-body">{found.description}</p> : null}
          <dl className="facts" data-testid="measure-facts">
            <dt>{t('measures.region')}</dt>
            <dd>{labels.region(found.regionKey)}</dd>
            <dt>{t('measures.effect')}</dt>
            <dd>
              {effectWords(found)}
              {found.effect ? (
                <>
                  {' – '}
                  <Link className="kern-link" to={`/einrichtungen/${found.effect.institutionId}`}>
                    {t('measures.institution')}
                  </Link>
                </>
              ) : null}
            </dd>
            <dt>{t('measures.cost')}</dt>
            <dd>
              {found.cost
                ? t('measures.costSummary', {
                    investment: euros(found.cost.investment),
                    annual: euros(found.cost.annual),
                  })
                : t('measures.noCost')}
            </dd>
            <dt>{t('measures.goals')}</dt>
            <dd>
              {found.goalIds.length === 0 ? (
                t('measures.noGoals')
              ) : (
                <ul className="kern-list">
                  {found.goalIds.map((goalId) => (
                    <li key={goalId}>
                      <Link className="kern-link" to={`/ziele/${goalId}`}>
                        {goalTitle(goalId)}
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {found.origin ? (
              <>
                <dt>{t('measures.origin')}</dt>
                <dd>
                  <Link className="kern-link" to={`/ideen/${found.origin.ideaId}`}>
                    {t('measures.fromIdea')}
                  </Link>
                </dd>
              </>
            ) : null}
            {found.approval ? (
              <>
                <dt>{t('measures.approval')}</dt>
                <dd>
                  {found.approval.authority}, {t('measures.decidedOn')} {formatDate(found.approval.decidedOn)}
                </dd>
              </>
            ) : null}
            {found.implementedOn ? (
              <>
                <dt>{t('measures.implementedOn')}</dt>
                <dd>{formatDate(found.implementedOn)}</dd>
              </>
            ) : null}
            {found.droppedReason ? (
              <>
                <dt>{t('measures.droppedReason')}</dt>
                <dd>{found.droppedReason}</dd>
              </>
            ) : null}
          </dl>
          {plans ? <MeasureActions measure={found} /> : null}
          {plans && found.status === 'planned' ? <ReviseMeasure measure={found} /> : null}
          {found.effect ? <MeasurePlanEffect measure={{ ...found, effect: found.effect }} /> : null}
        </>
      ) : null}
    </>
  );
}

/** Maßnahme überarbeiten, while planned: e.g. a measure drafted from an idea gets its places and cost. */
function ReviseMeasure({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const revise = useReviseMeasure(measure.id);
  const [done, setDone] = useState(false);
  return (
    <Disclosure title={t('measures.revise')} done={done ? t('measures.revisedDone') : null}>
      <MeasureForm
        key={measure.revision}
        label={t('measures.revise')}
        initial={formOf(measure)}
        withReason
        pending={revise.isPending}
        onSubmit={async (form) => {
          setDone(false);
          await revise.mutateAsync({ ...bodyOf(form), reason: form.reason });
          setDone(true);
        }}
      />
    </Disclosure>
  );
}
