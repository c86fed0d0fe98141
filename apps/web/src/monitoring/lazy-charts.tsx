import { lazy } from 'react';

// The charts bring Observable Plot and d3; they load after the page's text and tables, not before.
export const SeriesChart = lazy(() => import('./SeriesChart').then((module) => ({ default: module.SeriesChart })));
export const ComparisonChart = lazy(() =>
  import('./ComparisonChart').then((module) => ({ default: module.ComparisonChart })),
);
