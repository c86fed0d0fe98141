import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

const BAR_HEIGHT = 24;
const GAP = 8;
const LABEL_WIDTH = 105;
const WIDTH = 320;

/**
 * Bars of the goals by assessment, drawn as plain SVG: the dashboard's one chart needs no charting
 * library, which keeps the first load small. The table of the same numbers stands beside it.
 */
export function AssessmentChart({ rows }: { rows: readonly { label: string; count: number }[] }) {
  const { t } = useTranslation();
  const id = useId();
  const largest = Math.max(1, ...rows.map((row) => row.count));
  const barSpace = WIDTH - LABEL_WIDTH - 30;
  const height = rows.length * (BAR_HEIGHT + GAP);
  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>{t('overview.chartLabel')}</title>
        <desc id={`${id}-desc`}>{rows.map((row) => `${row.label}: ${formatNumber(row.count)}`).join(', ')}</desc>
        {rows.map((row, index) => {
          const y = index * (BAR_HEIGHT + GAP);
          const length = (row.count / largest) * barSpace;
          return (
            <g key={row.label} aria-hidden="true">
              <text x={LABEL_WIDTH - 8} y={y + BAR_HEIGHT * 0.7} textAnchor="end" fontSize="14" fill="#1b1b1b">
                {row.label}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={length} height={BAR_HEIGHT} fill="#0b4f8a" />
              <text x={LABEL_WIDTH + length + 6} y={y + BAR_HEIGHT * 0.7} fontSize="14" fill="#1b1b1b">
                {formatNumber(row.count)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="kern-body kern-body--muted">{t('overview.chartCaption')}</figcaption>
    </figure>
  );
}
