import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePlanningMutation } from '../actors/actor-queries';
import { planningApi, ResponseJson, unwrap } from '../api/client';
import type { operations, paths } from '../api/generated/planning';

type Json<Operation extends keyof operations> = ResponseJson<operations, Operation, 200>;
type Body<Path extends keyof paths> = paths[Path] extends {
  post: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
type Query<Operation extends keyof operations> = NonNullable<operations[Operation]['parameters']['query']>;

export type InstitutionFilters = Query<'InstitutionQueriesController_institutions'>;
export type OfferingFilters = Query<'OfferingQueriesController_offerings'>;
export type Institution = Json<'InstitutionQueriesController_institution'>;
export type Offering = Json<'OfferingQueriesController_offering'>;
export type Scenario = Json<'ScenarioQueriesController_scenario'>;
export type CapacityPlan = Json<'CapacityPlansController_plan'>;
export type PlanRow = CapacityPlan['rows'][number];
export type Comparison = Json<'ScenarioQueriesController_comparison'>;
export type InstitutionBody = Body<'/institutions'>;
export type CapacityBody = Body<'/institutions/{id}/capacity-changes'>;
export type OccupancyBody = Body<'/institutions/{id}/occupancy'>;
export type ClosureBody = Body<'/institutions/{id}/closure'>;
export type OfferingBody = Body<'/offerings'>;
export type ScenarioBody = Body<'/scenarios'>;

/** The status quo every plan starts from; it cannot be archived. */
export const BASELINE_SCENARIO = 'status-quo';
export type InstitutionType = Institution['type'];
export type PlanningStage = PlanRow['stage'];
export type Verdict = PlanRow['verdict'];

export const INSTITUTION_TYPES = [
  'krippe',
  'kindergarten',
  'hort',
  'kita',
  'grundschule',
  'oberschule',
  'hauptschule',
  'realschule',
  'gymnasium',
  'gesamtschule',
  'foerderschule',
  'bbs',
  'vhs',
  'weiterbildungstraeger',
  'hochschule',
] as const satisfies readonly InstitutionType[];
export const PLANNING_STAGES = [
  'krippe',
  'kindergarten',
  'hort',
  'grundschule',
] as const satisfies readonly PlanningStage[];
export const KITA_AGE_GROUPS = ['krippe', 'kindergarten', 'hort'] as const;
/** Schools count in streams (Züge), Kitas in approved places; other institutions have no capacity in the plan. */
export const SCHOOL_TYPES: readonly InstitutionType[] = [
  'grundschule',
  'oberschule',
  'hauptschule',
  'realschule',
  'gymnasium',
  'gesamtschule',
  'foerderschule',
];
export const KITA_TYPES: readonly InstitutionType[] = ['krippe', 'kindergarten', 'hort', 'kita'];

const keys = {
  institutions: (filters: object) => ['planning', 'institutions', filters] as const,
  institution: (id: string) => ['planning', 'institution', id] as const,
  offerings: (filters: object) => ['planning', 'offerings', filters] as const,
  scenarios: ['planning', 'scenarios'] as const,
  plan: (query: object) => ['planning', 'capacity-plan', query] as const,
  comparison: (query: object) => ['planning', 'comparison', query] as const,
  runs: ['planning', 'plan-runs'] as const,
};

export function useInstitutions(filters: InstitutionFilters) {
  return useQuery({
    queryKey: keys.institutions(filters),
    queryFn: () => unwrap(planningApi.GET('/institutions', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useInstitution(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.institution(id),
    queryFn: () => unwrap(planningApi.GET('/institutions/{id}', { params: { path: { id } } })),
    enabled,
  });
}

export function useOfferings(filters: OfferingFilters) {
  return useQuery({
    queryKey: keys.offerings(filters),
    queryFn: () => unwrap(planningApi.GET('/offerings', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useScenarios() {
  return useQuery({
    queryKey: keys.scenarios,
    queryFn: () => unwrap(planningApi.GET('/scenarios', { params: { query: { status: 'active' } } })),
  });
}

export type PlanQuery = { scenario: string; stage: PlanningStage; regionKey?: string };

export function useCapacityPlan(query: PlanQuery) {
  return useQuery({
    queryKey: keys.plan(query),
    // The route also answers CSV, which is asked for apart.
    queryFn: () => unwrap(planningApi.GET('/capacity-plans', { params: { query } })) as Promise<CapacityPlan>,
    placeholderData: keepPreviousData,
  });
}

export type ComparisonQuery = { scenarios: readonly string[]; stage: PlanningStage; regionKey?: string };

export function useComparison(query: ComparisonQuery) {
  const { scenarios, ...rest } = query;
  return useQuery({
    queryKey: keys.comparison(query),
    queryFn: () =>
      unwrap(
        planningApi.GET('/scenarios/comparison', { params: { query: { ...rest, scenarios: scenarios.join(',') } } }),
      ) as Promise<Comparison>,
    enabled: scenarios.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function usePlanRuns() {
  return useQuery({
    queryKey: keys.runs,
    queryFn: () => unwrap(planningApi.GET('/plan-runs', { params: { query: { limit: 10 } } })),
  });
}

export const useRegisterInstitution = () =>
  usePlanningMutation((body: InstitutionBody) => unwrap(planningApi.POST('/institutions', { body })));

export const useChangeCapacity = (id: string) =>
  usePlanningMutation((body: CapacityBody) =>
    unwrap(planningApi.POST('/institutions/{id}/capacity-changes', { params: { path: { id } }, body })),
  );

export const useReportOccupancy = (id: string) =>
  usePlanningMutation((body: OccupancyBody) =>
    unwrap(planningApi.POST('/institutions/{id}/occupancy', { params: { path: { id } }, body })),
  );

export const useCloseInstitution = (id: string) =>
  usePlanningMutation((body: ClosureBody) =>
    unwrap(planningApi.POST('/institutions/{id}/closure', { params: { path: { id } }, body })),
  );

export const useRegisterOffering = () =>
  usePlanningMutation((body: OfferingBody) => unwrap(planningApi.POST('/offerings', { body })));

export const useCreateScenario = () =>
  usePlanningMutation((body: ScenarioBody) => unwrap(planningApi.POST('/scenarios', { body })));

export const useArchiveScenario = (id: string) =>
  usePlanningMutation((reason: string) =>
    unwrap(planningApi.POST('/scenarios/{id}/archive', { params: { path: { id } }, body: { reason } })),
  );

export const useRecordPlanRun = () =>
  usePlanningMutation((body: Body<'/plan-runs'>) => unwrap(planningApi.POST('/plan-runs', { body })));

const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

export const planCsv = async (query: PlanQuery) =>
  csv(
    await unwrap(
      planningApi.GET('/capacity-plans', { params: { query: { ...query, format: 'csv' } }, parseAs: 'text' }),
    ),
  );

export const comparisonCsv = async ({ scenarios, ...rest }: ComparisonQuery) =>
  csv(
    await unwrap(
      planningApi.GET('/scenarios/comparison', {
        params: { query: { ...rest, scenarios: scenarios.join(','), format: 'csv' } },
        parseAs: 'text',
      }),
    ),
  );

export const nkitagCsv = async (year: number) =>
  csv(await unwrap(planningApi.GET('/exports/nkitag-21', { params: { query: { year } }, parseAs: 'text' })));

export const planRunCsv = async (id: string) =>
  csv(
    await unwrap(
      planningApi.GET('/plan-runs/{id}', { params: { path: { id }, query: { format: 'csv' } }, parseAs: 'text' }),
    ),
  );
