import { lazy } from 'react';

// The trajectory chart brings Observable Plot and d3; it loads after the page's text and tables.
export const TrajectoryChart = lazy(() =>
  import('./TrajectoryChart').then((module) => ({ default: module.TrajectoryChart })),
);
