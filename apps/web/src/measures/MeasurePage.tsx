import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Disclosure } from '../capacity/CapacityForms';
import { useInstitution } from '../capacity/capacity-queries';
import { useCapacityLabels } from '../capacity/labels';
import { useGoalList } from '../goals/goal-queries';
import { QueryProblem } from '../goals/QueryProblem';
import { formatDate, formatNumber } from '../lib/format';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { MeasureActions } from './MeasureActions';
import { MeasureStatusBadge, useEffectWords } from './measure-words';
import { MeasurePlanEffect } from './MeasurePlanEffect';
import { bodyOf, formOf, MeasureForm } from './MeasureForm';
import { Measure, useMeasure, useReviseMeasure } from './measure-queries';

/** What a measure costs in words, naming only the amounts given. */
function useCostWords() {
  const { t } = useTranslation();
  return (cost: Measure['cost']) => {
    const parts = [
      ...(cost?.investment !== undefined ? [t('measures.costOnce', { amount: formatNumber(cost.investment, 0) })] : []),
      ...(cost?.annual !== undefined ? [t('measures.costYearly', { amount: formatNumber(cost.annual, 0) })] : []),
    ];
    return parts.length > 0 ? parts.join(', ') : t('measures.noCost');
  };
}

/** A measure: what it is, what it adds where, what it costs, which goals it serves, and how far it has come. */
export function MeasurePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const person = usePerson();
  const effectWords = useEffectWords();
  const costWords = useCostWords();
  const measure = useMeasure(id);
  const goals = useGoalList({ limit: 100, offset: 0 });
  const found = measure.data;
  usePageTitle(found?.title ?? t('measures.title'));
  useDataReady(Boolean(found));
  const plans = person.role === 'coordinator' || person.role === 'admin';
  const goalTitle = (goalId: string) => goals.data?.items.find((goal) => goal.id === goalId)?.title ?? goalId;
  const institution = useInstitution(found?.effect?.institutionId ?? '', Boolean(found?.effect));
  const facts: [string, React.ReactNode][] = found
    ? [
        [t('measures.region'), labels.region(found.regionKey)],
        [
          t('measures.effect'),
          <>
            {effectWords(found)}
            {found.effect ? (
              <>
                {' – '}
                <Link className="kern-link" to={`/einrichtungen/${found.effect.institutionId}`}>
                  {institution.data?.name ?? t('measures.institution')}
                </Link>
              </>
            ) : null}
          </>,
        ],
        [t('measures.cost'), costWords(found.cost)],
        [
          t('measures.goals'),
          found.goalIds.length === 0 ? (
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
          ),
        ],
        ...(found.origin
          ? [
              [
                t('measures.origin'),
                <Link className="kern-link" to={`/ideen/${found.origin.ideaId}`}>
                  {t('measures.fromIdea')}
                </Link>,
              ] as [string, React.ReactNode],
            ]
          : []),
        ...(found.approval
          ? [
              [
                t('measures.approval'),
                `${found.approval.authority}, ${t('measures.decidedOn')} ${formatDate(found.approval.decidedOn)}`,
              ] as [string, React.ReactNode],
            ]
          : []),
        ...(found.implementedOn
          ? [[t('measures.implementedOn'), formatDate(found.implementedOn)] as [string, React.ReactNode]]
          : []),
        ...(found.droppedReason
          ? [[t('measures.droppedReason'), found.droppedReason] as [string, React.ReactNode]]
          : []),
      ]
    : [];
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
          <dl className="kern-description-list" data-testid="measure-facts">
            {facts.map(([key, value]) => (
              <div className="kern-description-list-item" key={key}>
                <dt className="kern-description-list-item__key">{key}</dt>
                <dd className="kern-description-list-item__value">{value}</dd>
              </div>
            ))}
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
