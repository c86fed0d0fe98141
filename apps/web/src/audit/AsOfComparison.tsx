import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { endOfDayInBerlin, formatDate, formatNumber, formatValue, todayInBerlin } from '../lib/format';
import { QueryProblem } from '../goals/QueryProblem';
import { TableScroll, TextField } from '../shell/ui';
import { useGoalLabels } from '../goals/labels';
import type { GoalView } from '../goals/goal-types';
import { useGoalAsOf } from './audit-queries';
import { useAddressField } from '../shell/url-filters';

const FACTS = [
  'goal.statusLabel',
  'goal.title',
  'goal.target',
  'goal.milestones',
  'goal.agreement',
  'goal.assessmentLabel',
  'audit.progressCount',
  'goal.latestValue',
] as const;

/** The facts an auditor compares, in the order of FACTS. */
function useFacts(view: GoalView | undefined): string[] | undefined {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const goal = view?.goal;
  const terms = goal?.terms;
  if (!goal || !terms) return undefined;
  const { count, latest } = view.progressSummary;
  const value = (number: number) => formatValue(number, terms.unit);
  return [
    labels.status(goal.status),
    terms.title,
    `${value(terms.target.value)} ${t('goal.by', { date: formatDate(terms.target.dueDate) })}`,
    terms.milestones.map((m) => `${value(m.value)} (${formatDate(m.date)})`).join('; ') || '–',
    goal.agreement
      ? `${goal.agreement.authority}, ${t('goal.effectiveOn', { date: formatDate(goal.agreement.effectiveOn) })}`
      : '–',
    labels.assessment(goal.assessment),
    formatNumber(count),
    latest ? t('audit.valueOn', { value: value(latest.value), date: formatDate(latest.asOf) }) : '–',
  ];
}

function notYet(query: { error: Error | null }): boolean {
  return query.error instanceof ApiError && query.error.problem.status === 404;
}

/** "Stand am": the goal as recorded by the end of a day next to the goal as in force on that day. */
export function AsOfComparison({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const [typed, setTyped, date] = useAddressField('stand', todayInBerlin());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const instant = valid ? endOfDayInBerlin(date) : '';
  const recorded = useGoalAsOf(goalId, { recordedAsOf: instant }, valid);
  const effective = useGoalAsOf(goalId, { effectiveAsOf: instant }, valid);
  const recordedFacts = useFacts(recorded.data);
  const effectiveFacts = useFacts(effective.data);
  const cell = (facts: string[] | undefined, query: typeof recorded, index: number) =>
    facts?.[index] ?? (notYet(query) ? t('audit.notYet') : query.isPending ? t('loading') : '–');
  return (
    <section aria-labelledby="as-of-heading">
      <h2 id="as-of-heading" className="kern-heading-medium">
        {t('audit.asOf')}
      </h2>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('audit.asOfDate')}
          name="stand"
          type="date"
          value={typed}
          onChange={setTyped}
          error={valid ? undefined : t('audit.asOfDateInvalid')}
          hint={t('audit.asOfHint')}
        />
      </form>
      {[recorded, effective].map((query, index) => (notYet(query) ? null : <QueryProblem key={index} query={query} />))}
      {valid ? (
        <TableScroll label={t('audit.asOf')}>
          <table className="kern-table kern-table--small" data-testid="as-of-table">
            <caption className="kern-title">{t('audit.asOfCaption', { date: formatDate(date) })}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('audit.fact')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.asRecorded', { date: formatDate(date) })}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.asEffective', { date: formatDate(date) })}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {FACTS.map((key, index) => {
                const left = cell(recordedFacts, recorded, index);
                const right = cell(effectiveFacts, effective, index);
                return (
                  <tr className="kern-table__row" key={key}>
                    <th scope="row" className="kern-table__cell">
                      {t(key)}
                    </th>
                    <td className="kern-table__cell">{left}</td>
                    <td className="kern-table__cell">
                      {right}
                      {left !== right ? <strong className="as-of-differs"> ({t('audit.differs')})</strong> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
