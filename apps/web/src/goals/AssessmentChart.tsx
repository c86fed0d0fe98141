import * as Plot from '@observablehq/plot';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { PlotFigure } from '../shell/PlotFigure';

/** Bars of the goals by assessment; the table of the same numbers stands beside it. */
export function AssessmentChart({ rows }: { rows: readonly { label: string; count: number }[] }) {
  const { t } = useTranslation();
  const options: Plot.PlotOptions = {
    marginLeft: 120,
    height: 140,
    x: {
      label: t('overview.count'),
      grid: true,
      tickFormat: (value: number) => (Number.isInteger(value) ? formatNumber(value) : ''),
    },
    y: { label: null },
    marks: [Plot.barX(rows, { x: 'count', y: 'label', fill: '#0b4f8a' }), Plot.ruleX([0])],
  };
  return (
    <PlotFigure
      options={options}
      label={t('overview.chartLabel')}
      description={rows.map((row) => `${row.label}: ${row.count}`).join(', ')}
      caption={t('overview.chartCaption')}
    />
  );
}
