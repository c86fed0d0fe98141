import { useTranslation } from 'react-i18next';
import { formatNumber, formatValue } from '../lib/format';

/** The words on screen for monitoring's codes, and values as their unit reads. */
export function useMonitoringLabels() {
  const { t } = useTranslation();
  return {
    unit: (unit: string) => t(`monitoring.unit.${unit}`),
    periodicity: (periodicity: string) => t(`monitoring.periodicity.${periodicity}`),
    direction: (direction: string) => t(`monitoring.direction.${direction}`),
    value: (value: number, unit: string) => (unit === 'percent' ? formatValue(value, unit) : formatNumber(value)),
  };
}

/** Whether a person may change monitoring's data: import, correct, release. Actors and auditors read. */
export function changesMonitoring(role: string): boolean {
  return role === 'coordinator' || role === 'admin';
}
