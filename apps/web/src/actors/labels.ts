import { useTranslation } from 'react-i18next';
import { useRegions } from '../monitoring/monitoring-queries';
import { ContactRole, MemberRole, OrganisationType } from './actor-queries';

/** The words for the directory's codes, and a region's name from monitoring's reference data. */
export function useActorLabels() {
  const { t } = useTranslation();
  const regions = useRegions();
  return {
    type: (type: OrganisationType) => t(`actors.types.${type}`),
    contactRole: (role: ContactRole) => t(`contacts.roles.${role}`),
    memberRole: (role: MemberRole) => t(`networks.roles.${role}`),
    region: (key: string) =>
      regions.data?.find((region) => region.key === key)?.name ?? t('actors.unknownRegion', { key }),
  };
}
