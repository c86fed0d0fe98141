import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { PlotFigure } from '../shell/PlotFigure';
import { PlanRow } from './capacity-queries';
import { useCapacityLabels } from './labels';

/** Demand as a line over the places as bars, year by year, for one municipality and stage. */
export function PlanChart({ rows, region, stage }: { rows: readonly PlanRow[]; region: string; stage: string }) {
  const { t } = useTranslation();
  const labels = useCapacityLabels();
  const points = rows.map((row) => ({ year: labels.year(row.year), demand: row.demand, supply: row.supply }));
  const options: Plot.PlotOptions = {
    height: 280,
    marginLeft: 60,
    x: { label: null, domain: points.map((point) => point.year) },
    y: { label: t('capacity.places'), grid: true, tickFormat: (value: number) => formatNumber(value, 0) },
    marks: [
      Plot.barY(points, { x: 'year', y: 'supply', fill: '#9cc3e6' }),
      Plot.lineY(
        points.filter((point) => point.demand !== null),
        { x: 'year', y: 'demand', stroke: '#a4000f', strokeWidth: 3 },
      ),
      Plot.dot(
        points.filter((point) => point.demand !== null),
        { x: 'year', y: 'demand', fill: '#a4000f', r: 4 },
      ),
      Plot.ruleY([0]),
    ],
  };
  const description = rows
    .map(
      (row) =>
        `${labels.year(row.year)}: ${t('capacity.demand')} ${row.demand === null ? '–' : formatNumber(row.demand, 0)}, ${t('capacity.supply')} ${formatNumber(row.supply, 0)}`,
    )
    .join('; ');
  return (
    <PlotFigure
      options={options}
      label={t('capacity.chartLabel', { stage, region })}
      description={description}
      caption={t('capacity.chartCaption')}
    />
  );
}
