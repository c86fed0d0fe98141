import type { operations } from '../api/generated/goals';

/** The shapes the goals API answers, as its OpenAPI document says. */
export type GoalView = operations['GoalQueriesController_get']['responses'][200]['content']['application/json'];
export type Goal = GoalView['goal'];
export type GoalStatus = Exclude<Goal['status'], 'none'>;
export type Assessment = NonNullable<Goal['assessment']>;
export type ProgressRecord = Goal['progress'][number];
export type PlannedTrajectory = NonNullable<GoalView['trajectory']>;
export type GoalPage = operations['GoalQueriesController_list']['responses'][200]['content']['application/json'];
export type GoalSummary = GoalPage['items'][number];
export type GoalListFilters = NonNullable<operations['GoalQueriesController_list']['parameters']['query']>;
export type Dashboard = operations['GoalQueriesController_dashboard']['responses'][200]['content']['application/json'];
export type ProgressTrace = operations['GoalQueriesController_trace']['responses'][200]['content']['application/json'];
export type DraftBody = operations['GoalCommandsController_draft']['requestBody']['content']['application/json'];
export type EducationStage = DraftBody['stage'];

export const GOAL_STATUSES: readonly GoalStatus[] = [
  'draft',
  'proposed',
  'agreed',
  'suspended',
  'achieved',
  'missed',
  'cancelled',
];
export const ASSESSMENTS: readonly Assessment[] = ['on-track', 'at-risk', 'off-track'];
export const EDUCATION_STAGES: readonly EducationStage[] = [
  'fruehkindliche-bildung',
  'allgemeinbildende-schulen',
  'berufliche-bildung',
  'hochschule',
  'weiterbildung',
  'rahmenbedingungen',
];
