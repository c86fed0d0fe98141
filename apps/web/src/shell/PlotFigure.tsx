import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LabelledValue, valuesInWords } from '../lib/chart-text';

/**
 * An Observable Plot chart as one image with a name and a description for screen readers (its parts
 * are not announced one by one); the caption says which table next to it holds the same data.
 */
export function PlotFigure({
  options,
  label,
  description,
  caption,
}: {
  options: Plot.PlotOptions;
  label: string;
  description: string;
  caption: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const width = Math.max(320, container.current?.clientWidth ?? 640);
    const chart = Plot.plot({ width, style: { fontSize: '14px' }, ...options });
    // With a legend Plot answers a figure: its own svg is a child, the legend's swatches are deeper.
    const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector(':scope > svg');
    if (svg) {
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', label);
      svg.setAttribute('aria-description', description);
      for (const part of svg.querySelectorAll('[aria-label]')) part.removeAttribute('aria-label');
      for (const part of svg.querySelectorAll('[aria-description]')) part.removeAttribute('aria-description');
    }
    container.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [options, label, description]);
  return (
    <figure className="chart">
      <div ref={container} />
      <figcaption className="kern-body kern-body--muted">{caption}</figcaption>
    </figure>
  );
}

/** A chart's values in words for its description, in the person's language. */
export function useValuesInWords(): (values: readonly LabelledValue[]) => string {
  const { t } = useTranslation();
  return (values) =>
    valuesInWords(values, { none: t('chart.noValues'), summary: (facts) => t('chart.summary', facts) });
}
