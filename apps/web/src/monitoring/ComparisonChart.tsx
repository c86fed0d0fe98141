import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { PlotFigure, useValuesInWords } from '../shell/PlotFigure';
import type { Comparison } from './monitoring-queries';

/** The municipalities ranked for one period as bars, with the Landkreis as a rule. */
export function ComparisonChart({ comparison, unit }: { comparison: Comparison; unit: string }) {
  const { t } = useTranslation();
  const inWords = useValuesInWords();
  const rows = comparison.ranking.map((row) => ({ name: row.regionName, value: row.value }));
  const options: Plot.PlotOptions = {
    height: Math.max(120, rows.length * 22 + 40),
    marginLeft: 200,
    x: { label: unit, grid: true, tickFormat: (value: number) => formatNumber(value) },
    y: { label: null, domain: rows.map((row) => row.name) },
    marks: [
      Plot.barX(rows, { x: 'value', y: 'name', fill: '#0b4f8a' }),
      Plot.ruleX([0]),
      ...(comparison.landkreis !== null
        ? [Plot.ruleX([comparison.landkreis], { stroke: '#a4000f', strokeDasharray: '4,3' })]
        : []),
    ],
  };
  const description = [
    inWords(rows.map((row) => ({ label: row.name, value: row.value }))),
    comparison.landkreis !== null ? t('monitoring.landkreisValue', { value: formatNumber(comparison.landkreis) }) : '',
  ]
    .filter(Boolean)
    .join('. ');
  return (
    <PlotFigure
      options={options}
      label={t('monitoring.comparisonChartLabel', { period: comparison.period })}
      description={description}
      caption={t('monitoring.comparisonChartCaption')}
    />
  );
}
