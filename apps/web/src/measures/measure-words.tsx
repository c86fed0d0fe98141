import { useTranslation } from 'react-i18next';
import { useCapacityLabels } from '../capacity/labels';
import { formatDate, formatNumber } from '../lib/format';
import { Badge } from '../shell/ui';
import { Measure, MeasureStatus } from './measure-queries';

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
