import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { PlotFigure, useValuesInWords } from '../shell/PlotFigure';
import type { Series } from './monitoring-queries';

const PALETTE = ['#0b4f8a', '#a4000f', '#1b6b3a', '#7a2a8c', '#8a5a00', '#1b1b1b'];

/** The series of the Landkreis and the chosen municipalities as lines, the thresholds as dashed rules. */
export function SeriesChart({
  series,
  thresholds,
  unit,
}: {
  series: readonly Series[];
  thresholds: readonly { label: string; value: number }[];
  unit: string;
}) {
  const { t } = useTranslation();
  const inWords = useValuesInWords();
  const points = series.flatMap((one) =>
    one.points.map((point) => ({ region: one.regionName, period: point.period, value: point.value })),
  );
  const periods = [...new Set(points.map((point) => point.period))].sort();
  const options: Plot.PlotOptions = {
    height: 320,
    marginLeft: 56,
    x: { type: 'point', domain: periods, label: null },
    y: { label: unit, grid: true, tickFormat: (value: number) => formatNumber(value) },
    color: { legend: true, domain: series.map((one) => one.regionName), range: PALETTE },
    marks: [
      ...thresholds.map((threshold) => Plot.ruleY([threshold.value], { stroke: '#8a5a00', strokeDasharray: '6,4' })),
      Plot.text(thresholds, { y: 'value', text: 'label', frameAnchor: 'right', dy: -6, fill: '#8a5a00' }),
      Plot.line(points, { x: 'period', y: 'value', stroke: 'region', strokeWidth: 2 }),
      Plot.dot(points, { x: 'period', y: 'value', fill: 'region', r: 4 }),
    ],
  };
  const description = series
    .map(
      (one) =>
        `${one.regionName}: ${inWords(one.points.map((point) => ({ label: point.period, value: point.value })))}`,
    )
    .concat(
      thresholds.map((threshold) =>
        t('monitoring.thresholdInWords', { ...threshold, value: formatNumber(threshold.value) }),
      ),
    )
    .join('. ');
  return (
    <PlotFigure
      options={options}
      label={t('monitoring.seriesChartLabel')}
      description={description}
      caption={t('monitoring.seriesChartCaption')}
    />
  );
}
