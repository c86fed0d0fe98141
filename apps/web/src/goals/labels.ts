import { useTranslation } from 'react-i18next';
import type { Assessment } from './goal-types';

export const ASSESSMENT_BADGE: Record<Assessment, 'success' | 'warning' | 'danger'> = {
  'on-track': 'success',
  'at-risk': 'warning',
  'off-track': 'danger',
};

/** The words on screen for the goals API's codes. */
export function useGoalLabels() {
  const { t } = useTranslation();
  return {
    status: (status: string) => t(`goal.status.${status}`),
    assessment: (assessment: string | null | undefined) =>
      assessment ? t(`goal.assessment.${assessment}`) : t('goal.assessment.none'),
    stage: (stage: string) => t(`stage.${stage}`),
    source: (source: string) => t(`goal.source.${source}`),
    partyRole: (role: string) => t(`goal.partyRole.${role}`),
  };
}
