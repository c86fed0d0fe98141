import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePerson } from '../shell/AuthProvider';
import { useDataReady } from '../shell/data-ready';
import { usePageTitle } from '../shell/page-title';
import { Alert, BackToGoals, Badge } from '../shell/ui';
import { draftFormFrom } from './draft-form';
import { useAmendDraft, useGoal } from './goal-queries';
import { GoalTermsForm } from './GoalTermsForm';
import type { DraftBody } from './goal-types';
import { useGoalLabels } from './labels';

type Goal = NonNullable<ReturnType<typeof useGoal>['data']>['goal'];

/** "aus Idee …": the idea a goal was promoted from, linked. */
export function FromIdea({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  if (!goal.origin) return null;
  return (
    <p className="kern-body">
      <Link className="kern-link" to={`/ideen/${goal.origin.ideaId}`}>
        {t('goal.fromIdea')}
      </Link>
    </p>
  );
}

/** A draft promoted from an idea that still lacks terms: what is missing, and the form to complete it. */
export function IncompleteDraft({ goalId, goal, onReload }: { goalId: string; goal: Goal; onReload: () => void }) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const person = usePerson();
  const amend = useAmendDraft(goalId);
  const terms = (goal.incompleteTerms ?? {}) as Partial<DraftBody>;
  usePageTitle(terms.title ?? t('goal.page'));
  useDataReady(true);
  const missing = (['regionKeys', 'parties', 'baseline', 'target', 'unit', 'direction'] as const).filter((key) => {
    const value = terms[key];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
  const coordinator = person.role === 'coordinator' || person.role === 'admin';
  return (
    <>
      <BackToGoals />
      <h1 className="kern-heading-large">{terms.title}</h1>
      <p className="goal-badges">
        <Badge kind="info">{labels.status(goal.status)}</Badge>
      </p>
      <FromIdea goal={goal} />
      <Alert kind="info" title={t('goal.incomplete.title')}>
        <p className="kern-body">
          {t('goal.incomplete.missing', { fields: missing.map((key) => t(`goal.incomplete.field.${key}`)).join(', ') })}
        </p>
      </Alert>
      {terms.description ? <p className="kern-body">{terms.description}</p> : null}
      {coordinator ? (
        <section aria-labelledby="complete-heading">
          <h2 id="complete-heading" className="kern-heading-medium">
            {t('goal.incomplete.complete')}
          </h2>
          <GoalTermsForm
            initial={draftFormFrom(terms)}
            submitLabel={t('goal.incomplete.save')}
            pending={amend.isPending}
            onSubmit={async (body) => {
              await amend.mutateAsync(body);
              onReload();
            }}
          />
        </section>
      ) : null}
    </>
  );
}
