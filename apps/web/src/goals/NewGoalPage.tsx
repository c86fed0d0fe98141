import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePerson } from '../shell/AuthProvider';
import { usePageTitle } from '../shell/page-title';
import { Alert, BackToGoals } from '../shell/ui';
import { EMPTY_DRAFT } from './draft-form';
import { useDraftGoal } from './goal-queries';
import { GoalTermsForm } from './GoalTermsForm';

/** Ziel anlegen: a coordinator drafts a goal with its terms and parties. */
export function NewGoalPage() {
  const { t } = useTranslation();
  const person = usePerson();
  const navigate = useNavigate();
  usePageTitle(t('draft.title'));
  const draft = useDraftGoal();
  if (person.role !== 'coordinator' && person.role !== 'admin')
    return (
      <Alert kind="danger" title={t('problem.forbidden.title')}>
        <p className="kern-body">{t('draft.forbidden')}</p>
      </Alert>
    );
  return (
    <>
      <BackToGoals />
      <h1 className="kern-heading-large">{t('draft.title')}</h1>
      <GoalTermsForm
        initial={EMPTY_DRAFT}
        submitLabel={t('draft.submit')}
        pending={draft.isPending}
        onSubmit={async (body) => {
          const created = await draft.mutateAsync(body);
          navigate(`/ziele/${created.goalId}`);
        }}
      />
    </>
  );
}
