import * as Plot from '@observablehq/plot';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber, todayInBerlin } from '../lib/format';
import { PlotFigure, useValuesInWords } from '../shell/PlotFigure';
import { trajectoryChartData } from './chart-data';
import type { PlannedTrajectory, ProgressRecord } from './goal-types';
import { useGoalLabels } from './labels';
import { TableScroll } from '../shell/ui';

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Up to this many points the table stands open under the chart; a longer one opens on request. */
const TABLE_OPEN_UP_TO = 40;

/**
 * The planned line through baseline, milestones and target, the on-track and at-risk bands behind it,
 * the recorded values (monitoring as squares, manual entries as circles) and today; and a table of the
 * same points.
 */
export function TrajectoryChart({
  trajectory,
  progress,
  unit,
}: {
  trajectory: PlannedTrajectory;
  progress: readonly ProgressRecord[];
  unit: string;
}) {
  const { t } = useTranslation();
  const labels = useGoalLabels();
  const data = trajectoryChartData(trajectory, progress, todayInBerlin());
  const inWords = useValuesInWords();
  const [tableOpen, setTableOpen] = useState(false);
  const options: Plot.PlotOptions = {
    height: 320,
    marginLeft: 56,
    x: { type: 'utc', label: null, ticks: 6, tickFormat: (date: Date) => formatDate(isoDate(date)) },
    y: { label: unit, grid: true, tickFormat: (value: number) => formatNumber(value) },
    color: {
      legend: true,
      domain: [
        t('chart.onTrack'),
        t('chart.atRisk'),
        t('chart.planned'),
        labels.source('manual'),
        labels.source('monitoring'),
      ],
      range: ['#cfe8d6', '#fbe3b3', '#0b4f8a', '#1b1b1b', '#7a2a8c'],
    },
    symbol: { domain: [labels.source('manual'), labels.source('monitoring')], range: ['circle', 'square'] },
    marks: [
      Plot.areaY(data.atRisk, { x: 'date', y1: 'low', y2: 'high', fill: () => t('chart.atRisk') }),
      Plot.areaY(data.onTrack, { x: 'date', y1: 'low', y2: 'high', fill: () => t('chart.onTrack') }),
      Plot.line(data.planned, { x: 'date', y: 'value', stroke: () => t('chart.planned'), strokeWidth: 2 }),
      Plot.dot(data.planned, { x: 'date', y: 'value', fill: () => t('chart.planned'), r: 4 }),
      Plot.dot(data.actual, {
        x: 'date',
        y: 'value',
        symbol: (point: { source: string }) => labels.source(point.source),
        fill: (point: { source: string }) => labels.source(point.source),
        r: 5,
      }),
      Plot.ruleX([data.today], { stroke: '#a4000f', strokeDasharray: '4,3' }),
      Plot.text([data.today], {
        x: (date: Date) => date,
        frameAnchor: 'top',
        text: () => t('chart.today'),
        dy: -4,
        fill: '#a4000f',
      }),
    ],
  };
  const rows = [
    ...data.planned.map((point) => ({
      date: isoDate(point.date),
      kind: t(`chart.kind.${point.kind}`),
      value: point.value,
    })),
    ...data.actual.map((point) => ({
      date: isoDate(point.date),
      kind: `${labels.source(point.source)}${point.corrected ? ` (${t('chart.corrected')})` : ''}`,
      value: point.value,
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  const table = (
    <TableScroll label={t('chart.tableCaption')}>
      <table className="kern-table kern-table--small" data-testid="trajectory-table">
        <caption className="kern-title">{t('chart.tableCaption')}</caption>
        <thead>
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('chart.date')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('chart.point')}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('chart.value', { unit })}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row, index) => (
            <tr className="kern-table__row" key={`${row.date}-${index}`}>
              <td className="kern-table__cell">{formatDate(row.date)}</td>
              <td className="kern-table__cell">{row.kind}</td>
              <td className="kern-table__cell kern-table__cell--numeric">{formatNumber(row.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
  return (
    <section aria-labelledby="trajectory-heading">
      <h2 id="trajectory-heading" className="kern-heading-medium">
        {t('chart.title')}
      </h2>
      <PlotFigure
        options={options}
        label={t('chart.label')}
        description={t('chart.description', {
          planned: inWords(
            data.planned.map((point) => ({ label: formatDate(isoDate(point.date)), value: point.value })),
          ),
          actual: inWords(data.actual.map((point) => ({ label: formatDate(isoDate(point.date)), value: point.value }))),
        })}
        caption={t('chart.caption')}
      />
      {rows.length <= TABLE_OPEN_UP_TO ? (
        table
      ) : (
        <details onToggle={(event) => setTableOpen((event.target as HTMLDetailsElement).open)}>
          <summary className="kern-link">{t('chart.showTable', { count: rows.length })}</summary>
          {tableOpen ? table : null}
        </details>
      )}
    </section>
  );
}
