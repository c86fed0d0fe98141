import { lazy } from 'react';

// The charts bring Observable Plot and d3; they load after the page's text and tables, not before.
export const AssessmentChart = lazy(() =>
  import('./AssessmentChart').then((module) => ({ default: module.AssessmentChart })),
);
export const TrajectoryChart = lazy(() =>
  import('./TrajectoryChart').then((module) => ({ default: module.TrajectoryChart })),
);
