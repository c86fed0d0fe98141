import { useTranslation } from 'react-i18next';
import { BASELINE_SCENARIO, useCapacityPlan, useInstitution } from '../capacity/capacity-queries';
import { signedNumber, useCapacityLabels } from '../capacity/labels';
import { QueryProblem } from '../goals/QueryProblem';
import { formatNumber } from '../lib/format';
import { TableScroll } from '../shell/ui';
import { Measure } from './measure-queries';

/**
 * What the measure does to the status-quo plan of its institution's Gemeinde and stage: each plan
 * year's balance with and without it. A planned measure is not counted yet, so "with" adds its places
 * from the year it would take effect.
 */
export function MeasurePlanEffect({ measure }: { measure: Measure & { effect: NonNullable<Measure['effect']> } }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const { effect } = measure;
  const institution = useInstitution(effect.institutionId);
  const regionKey = institution.data?.regionKey;
  const plan = useCapacityPlan({
    scenario: BASELINE_SCENARIO,
    stage: effect.stage,
    ...(regionKey ? { regionKey } : {}),
  });
  if (!regionKey || measure.status === 'dropped') return null;
  const rows = (plan.data?.rows ?? []).filter((row) => row.regionKey === regionKey);
  const signed = (balance: number | null) => (balance === null ? '–' : signedNumber(balance));
  const counted = rows.some((row) => row.sources.measures.some((entry) => entry.measureId === measure.id));
  return (
    <section aria-labelledby="effect-heading">
      <h2 id="effect-heading" className="kern-heading-medium">
        {t('measures.effectOnPlan')}
      </h2>
      <p className="kern-body">
        {t('measures.effectIntro', { stage: labels.stage(effect.stage), region: labels.region(regionKey) })}{' '}
        {counted ? t('measures.counted') : t('measures.notCounted')}
      </p>
      <QueryProblem query={plan} />
      {rows.length > 0 ? (
        <TableScroll label={t('measures.effectCaption')}>
          <table className="kern-table" data-testid="measure-effect">
            <caption className="kern-sr-only">{t('measures.effectCaption')}</caption>
            <thead>
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('capacity.year')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.demand')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('capacity.supply')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('measures.ofThis')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('measures.withoutMeasure')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('measures.withMeasure')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rows.map((row) => {
                const inSupply = row.sources.measures.find((entry) => entry.measureId === measure.id)?.places ?? 0;
                const wouldCount = !counted && effect.effectiveFrom <= `${row.year}-08-01` ? effect.places : 0;
                const without = row.balance === null ? null : row.balance - inSupply;
                const withIt = row.balance === null ? null : row.balance + wouldCount;
                return (
                  <tr className="kern-table__row" key={row.year}>
                    <th scope="row" className="kern-table__cell">
                      {labels.year(row.year)}
                    </th>
                    <td className="kern-table__cell">{row.demand === null ? '–' : formatNumber(row.demand, 0)}</td>
                    <td className="kern-table__cell">{formatNumber(row.supply, 0)}</td>
                    <td className="kern-table__cell">{formatNumber(inSupply, 0)}</td>
                    <td className="kern-table__cell">{signed(without)}</td>
                    <td className="kern-table__cell" data-testid={`with-measure-${row.year}`}>
                      {signed(withIt)}
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
