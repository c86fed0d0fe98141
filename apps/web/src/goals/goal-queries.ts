import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { goalsApi, unwrap } from '../api/client';
import type { paths } from '../api/generated/goals';
import type { Action } from './lifecycle';
import type { DraftBody, GoalListFilters, ProgressRecord } from './goal-types';

export const goalKeys = {
  all: ['goals'] as const,
  list: (filters: GoalListFilters) => ['goals', 'list', filters] as const,
  dashboard: (filters: { region?: string; stage?: string }) => ['goals', 'dashboard', filters] as const,
  goal: (id: string) => ['goals', 'goal', id] as const,
  progress: (id: string, count: number) => ['goals', 'progress', id, count] as const,
  trace: (id: string, progressId: string) => ['goals', 'trace', id, progressId] as const,
};

export function useGoalList(filters: GoalListFilters) {
  return useQuery({
    queryKey: goalKeys.list(filters),
    queryFn: () => unwrap(goalsApi.GET('/goals', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

/** Whether sample goals are among what the person sees, so the screen can say that they are not official. */
export function useShowsSampleGoals(): boolean {
  return (useGoalList({ synthetic: 'true', limit: 1 }).data?.total ?? 0) > 0;
}

export function useDashboard(filters: { region?: string; stage?: GoalListFilters['stage'] }) {
  return useQuery({
    queryKey: goalKeys.dashboard(filters),
    queryFn: () => unwrap(goalsApi.GET('/goals/dashboard', { params: { query: filters } })),
  });
}

export function useGoal(id: string) {
  return useQuery({
    queryKey: goalKeys.goal(id),
    queryFn: () => unwrap(goalsApi.GET('/goals/{id}', { params: { path: { id } } })),
  });
}

export function useProgressTrace(id: string, progressId: string) {
  return useQuery({
    queryKey: goalKeys.trace(id, progressId),
    queryFn: () =>
      unwrap(goalsApi.GET('/goals/{id}/progress/{progressId}/trace', { params: { path: { id, progressId } } })),
  });
}

/**
 * Every progress value of a goal, the newest first, read page by page once asked for: the goal
 * document carries only the newest 100. `count` is part of the key, so a new value reads them again.
 */
export function useAllProgress(id: string, count: number, enabled: boolean) {
  return useQuery({
    queryKey: goalKeys.progress(id, count),
    enabled,
    queryFn: async () => {
      const items: ProgressRecord[] = [];
      while (items.length < count) {
        const page: { items: ProgressRecord[] } = await unwrap(
          goalsApi.GET('/goals/{id}/progress', {
            params: { path: { id }, query: { offset: items.length, limit: 1_000 } },
          }),
        );
        items.push(...page.items);
        if (page.items.length === 0) break;
      }
      return items;
    },
  });
}

/** Where each step is sent; a renamed route in the goals API fails the typecheck here. */
const ACTION_PATHS = {
  propose: '/goals/{id}/proposal',
  consent: '/goals/{id}/consents',
  agree: '/goals/{id}/agreement',
  revise: '/goals/{id}/revisions',
  milestone: '/goals/{id}/milestones',
  progress: '/goals/{id}/progress',
  correction: '/goals/{id}/progress/{progressId}/correction',
  suspend: '/goals/{id}/suspension',
  resume: '/goals/{id}/resumption',
  close: '/goals/{id}/closure',
  cancel: '/goals/{id}/cancellation',
} as const satisfies Record<Action, keyof paths>;

/** Records one step on a goal, sent with the revision last seen (If-Match), and reloads the goal afterwards. */
export function useGoalStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: Action; body: Record<string, unknown> }) => {
      const { progressId, ...rest } = body;
      const path = { id, ...(typeof progressId === 'string' ? { progressId } : {}) };
      // One call for every step: the body was built and checked by formToBody for this action.
      return unwrap(
        goalsApi.POST(ACTION_PATHS[action] as '/goals/{id}/milestones', { params: { path }, body: rest as never }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  });
}

/** Completes or changes a draft's terms (POST /goals/{id}/draft). */
export function useAmendDraft(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: DraftBody) =>
      unwrap(goalsApi.POST('/goals/{id}/draft', { params: { path: { id } }, body: { changes } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  });
}

export function useDraftGoal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: paths['/goals']['post']['requestBody']['content']['application/json']) =>
      unwrap(goalsApi.POST('/goals', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: goalKeys.all }),
  });
}
