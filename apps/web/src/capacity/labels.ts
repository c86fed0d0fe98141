import { useTranslation } from 'react-i18next';
import { useActorList } from '../actors/actor-queries';
import { formatNumber } from '../lib/format';
import { useRegions } from '../monitoring/monitoring-queries';
import { Institution, InstitutionType, PlanningStage, Verdict } from './capacity-queries';

/** The capacity places of an institution in effect on a day: the latest change from that day or before. */
export function capacityOn(institution: Institution, day: string) {
  if (institution.closedFrom !== undefined && institution.closedFrom <= day) return undefined;
  return institution.capacity
    .filter((change) => change.effectiveFrom <= day)
    .reduce<Institution['capacity'][number] | undefined>(
      (latest, change) => (!latest || change.effectiveFrom >= latest.effectiveFrom ? change : latest),
      undefined,
    );
}

/** A whole number with its sign: +12, −20 or ±0. */
export const signedNumber = (value: number) =>
  `${value > 0 ? '+' : value < 0 ? '−' : '±'}${formatNumber(Math.abs(value), 0)}`;

/** The words for the plan's codes, a region's name and an organisation's name. */
export function useCapacityLabels() {
  const { t } = useTranslation();
  const regions = useRegions();
  const organisations = useActorList({ limit: 200, offset: 0, status: 'active' });
  return {
    type: (type: InstitutionType) => t(`capacity.types.${type}`),
    stage: (stage: PlanningStage) => t(`capacity.stages.${stage}`),
    verdict: (verdict: Verdict) => t(`capacity.verdicts.${verdict}`),
    region: (key: string) =>
      regions.data?.find((region) => region.key === key)?.name ?? t('actors.unknownRegion', { key }),
    organisation: (id: string) => organisations.data?.items.find((item) => item.id === id)?.name ?? id,
    organisations: organisations.data?.items ?? [],
    regions: regions.data ?? [],
    municipalities: (regions.data ?? []).filter((region) => region.key.length === 8),
    /** A signed balance in words: +12 or −20, with the verdict beside it. */
    balance: (balance: number | null, verdict: Verdict) =>
      balance === null
        ? t('capacity.verdicts.no-population')
        : t('capacity.balanceCell', {
            balance: signedNumber(balance),
            verdict: t(`capacity.verdicts.${verdict}`),
          }),
    /** A Kita year, 2027/28. */
    year: (year: number) => `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
  };
}

export const VERDICT_BADGES = {
  covered: 'success',
  tight: 'warning',
  shortfall: 'danger',
  'no-population': 'info',
} as const;
