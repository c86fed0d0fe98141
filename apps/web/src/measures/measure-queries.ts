import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePlanningMutation } from '../actors/actor-queries';
import { goalsApi, planningApi, ResponseJson, unwrap } from '../api/client';
import type { operations, paths } from '../api/generated/planning';

type Json<Operation extends keyof operations> = ResponseJson<operations, Operation, 200>;
type Query<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

export type MeasureFilters = Query<'MeasureQueriesController_measures'>;
export type GapFilters = Query<'MeasureQueriesController_gaps'>;
export type Measure = Json<'MeasureQueriesController_measure'>;
export type MeasureStatus = Measure['status'];
export type Gap = Json<'MeasureQueriesController_gaps'>['items'][number];
export type MeasureBody = paths['/measures']['post']['requestBody']['content']['application/json'];
export type ApprovalBody = paths['/measures/{id}/approval']['post']['requestBody']['content']['application/json'];

export const MEASURE_STATUSES = [
  'planned',
  'approved',
  'implemented',
  'dropped',
] as const satisfies readonly MeasureStatus[];

const keys = {
  measures: (filters: object) => ['planning', 'measures', filters] as const,
  measure: (id: string) => ['planning', 'measure', id] as const,
  gaps: (filters: object) => ['planning', 'gaps', filters] as const,
  goalMeasures: (goalId: string) => ['goals', 'measures', goalId] as const,
};

export function useMeasures(filters: MeasureFilters) {
  return useQuery({
    queryKey: keys.measures(filters),
    queryFn: () => unwrap(planningApi.GET('/measures', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useMeasure(id: string) {
  return useQuery({
    queryKey: keys.measure(id),
    queryFn: () => unwrap(planningApi.GET('/measures/{id}', { params: { path: { id } } })),
  });
}

/** The status-quo plan's gaps; the gap watch records them a moment after a change, so they are asked for again. */
export function useGaps(filters: GapFilters) {
  return useQuery({
    queryKey: keys.gaps(filters),
    queryFn: () => unwrap(planningApi.GET('/gaps', { params: { query: filters } })),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

/** The measures planning links to a goal, as goals keeps them. */
export function useGoalMeasures(goalId: string) {
  return useQuery({
    queryKey: keys.goalMeasures(goalId),
    queryFn: () => unwrap(goalsApi.GET('/goals/{id}/measures', { params: { path: { id: goalId } } })),
  });
}

export const usePlanMeasure = () =>
  usePlanningMutation((body: MeasureBody) => unwrap(planningApi.POST('/measures', { body })));

export const useReviseMeasure = (id: string) =>
  usePlanningMutation((body: MeasureBody & { reason: string }) =>
    unwrap(planningApi.POST('/measures/{id}/revision', { params: { path: { id } }, body })),
  );

export const useApproveMeasure = (id: string) =>
  usePlanningMutation((body: ApprovalBody) =>
    unwrap(planningApi.POST('/measures/{id}/approval', { params: { path: { id } }, body })),
  );

export const useImplementMeasure = (id: string) =>
  usePlanningMutation((implementedOn: string) =>
    unwrap(planningApi.POST('/measures/{id}/implementation', { params: { path: { id } }, body: { implementedOn } })),
  );

export const useDropMeasure = (id: string) =>
  usePlanningMutation((reason: string) =>
    unwrap(planningApi.POST('/measures/{id}/drop', { params: { path: { id } }, body: { reason } })),
  );
