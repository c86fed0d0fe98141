import { useTranslation } from 'react-i18next';
import { useGoalLabels } from '../goals/labels';
import type { IdeaStatus, WithdrawalReason } from './idea-queries';

export const STATUS_BADGE: Record<IdeaStatus, 'info' | 'warning'> = {
  submitted: 'info',
  withdrawn: 'warning',
  bundled: 'info',
  split: 'info',
  dissolved: 'warning',
};

/** Tagged on every sample idea (see the ideas service's sample data). */
export const SAMPLE_TAG = 'synthetische Beispieldaten';

/** The words of ideas on screen: states, withdrawal reasons, Bildungsbereiche. */
export function useIdeaLabels() {
  const { t } = useTranslation();
  const { stage } = useGoalLabels();
  return {
    status: (status: IdeaStatus) => t(`idea.status.${status}`),
    reason: (reason: WithdrawalReason) => t(`idea.reason.${reason}`),
    stage,
    level: (level: 'similar' | 'likely-duplicate') => t(`ideas.similar.level.${level}`),
  };
}
