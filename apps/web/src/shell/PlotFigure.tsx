import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';

/**
 * An Observable Plot chart as an SVG with a name and a description for screen readers; the figure's
 * caption says which table next to it holds the same data.
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
    const chart = Plot.plot({ ...options, ariaLabel: label, ariaDescription: description });
    chart.setAttribute('role', 'img');
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
