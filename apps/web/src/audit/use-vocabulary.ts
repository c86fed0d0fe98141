import { useTranslation } from 'react-i18next';
import { useRegions } from '../monitoring/monitoring-queries';
import type { Vocabulary } from './audit-words';

/** Names for the codes in a goal's history: regions from monitoring's reference data, parties from the goal. */
export function useVocabulary(parties: readonly { id: string; name: string }[]): Vocabulary {
  const { t } = useTranslation();
  const regions = useRegions();
  return {
    t: (key, values) => t(key, values ?? {}),
    regionName: (key) => regions.data?.find((region) => region.key === key)?.name ?? key,
    partyName: (id) => parties.find((party) => party.id === id)?.name ?? id,
  };
}
