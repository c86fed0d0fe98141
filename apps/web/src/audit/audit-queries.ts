import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { goalsApi, unwrap } from '../api/client';
import type { paths } from '../api/generated/goals';

export type HistoryPage = paths['/goals/{id}/history']['get']['responses'][200]['content']['application/json'];
export type HistoryEntry = HistoryPage['items'][number];
export type GoalDiff = paths['/goals/{id}/diff']['get']['responses'][200]['content']['application/json'];
export type DiffChange = GoalDiff['changes'][number];

export const HISTORY_PAGE_SIZE = 50;
/** The largest page the history route gives; exports read the whole history in pages of this size. */
const EXPORT_PAGE_SIZE = 1000;

export const auditKeys = {
  history: (id: string, offset: number) => ['audit', 'history', id, offset] as const,
  asOf: (id: string, asOf: { recordedAsOf?: string; effectiveAsOf?: string }) => ['audit', 'as-of', id, asOf] as const,
  diff: (id: string, from: number, to: number) => ['audit', 'diff', id, from, to] as const,
  verification: (id: string) => ['audit', 'verification', id] as const,
};

/** A page of the history as JSON (the route also answers CSV, which is asked for apart). */
function historyPage(id: string, query: { offset: number; limit: number }): Promise<HistoryPage> {
  return unwrap(goalsApi.GET('/goals/{id}/history', { params: { path: { id }, query } })) as Promise<HistoryPage>;
}

export function useHistory(id: string, offset: number) {
  return useQuery({
    queryKey: auditKeys.history(id, offset),
    queryFn: () => historyPage(id, { offset, limit: HISTORY_PAGE_SIZE }),
  });
}

/** The goal as recorded by the end of a day, or as in force on a day; both are answered by the same route. */
export function useGoalAsOf(id: string, asOf: { recordedAsOf?: string; effectiveAsOf?: string }, enabled: boolean) {
  return useQuery({
    queryKey: auditKeys.asOf(id, asOf),
    queryFn: () => unwrap(goalsApi.GET('/goals/{id}', { params: { path: { id }, query: asOf } })),
    enabled,
  });
}

export function useGoalDiff(id: string, from: number, to: number) {
  return useQuery({
    queryKey: auditKeys.diff(id, from, to),
    queryFn: () => unwrap(goalsApi.GET('/goals/{id}/diff', { params: { path: { id }, query: { from, to } } })),
    enabled: from < to,
  });
}

export function useGoalVerification(id: string) {
  return useQuery({
    queryKey: auditKeys.verification(id),
    queryFn: () => unwrap(goalsApi.GET('/goals/{id}/audit', { params: { path: { id } } })),
  });
}

/** Runs only when asked: it reads every event of every goal. */
export function useVerifyAllGoals() {
  return useMutation({ mutationFn: () => unwrap(goalsApi.GET('/audit')) });
}

/** Checks the goals store against the latest seal published on the bus; 404 when there is none yet. */
export function useSealCheck(enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'seal'],
    queryFn: () => unwrap(goalsApi.GET('/audit/seal')),
    enabled,
    retry: false,
  });
}

export function useSealNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(goalsApi.POST('/audit/seals')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit', 'seal'] }),
  });
}

/** The goal's whole history in one file, read page by page; CSV pages after the first drop their header. */
export async function exportHistory(id: string, format: 'json' | 'csv'): Promise<Blob> {
  const { total } = await historyPage(id, { offset: 0, limit: 1 });
  const parts: string[] = [];
  const items: HistoryEntry[] = [];
  for (let offset = 0; offset < total; offset += EXPORT_PAGE_SIZE) {
    const query = { offset, limit: EXPORT_PAGE_SIZE };
    if (format === 'csv') {
      const text = await unwrap(
        goalsApi.GET('/goals/{id}/history', {
          params: { path: { id }, query: { ...query, format: 'csv' } },
          parseAs: 'text',
        }),
      );
      parts.push(offset === 0 ? text : text.slice(text.indexOf('\n') + 1));
    } else {
      items.push(...(await historyPage(id, query)).items);
    }
  }
  return format === 'csv'
    ? new Blob(parts, { type: 'text/csv;charset=utf-8' })
    : new Blob([JSON.stringify({ goalId: id, total, events: items }, null, 2)], { type: 'application/json' });
}
