import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { monitoringApi, ResponseJson, unwrap } from '../api/client';
import type { operations, paths } from '../api/generated/monitoring';

type Json<Operation extends keyof operations, Status extends number = 200> = ResponseJson<
  operations,
  Operation,
  Status
>;

export type IndicatorSummary = Json<'MonitoringQueriesController_list'>[number];
export type IndicatorView = Json<'MonitoringQueriesController_get'>;
export type Series = Json<'MonitoringQueriesController_series'>;
export type Comparison = Json<'MonitoringQueriesController_comparison'>;
export type ImportReport = Json<'MeasurementImportsController_report'>;
export type Release = Json<'MonitoringQueriesController_releases'>[number];
export type CorrectionBody =
  paths['/indicators/{key}/corrections']['post']['requestBody']['content']['application/json'];
export type ReleaseBody = paths['/releases']['post']['requestBody']['content']['application/json'];

export const monitoringKeys = {
  all: ['monitoring'] as const,
  indicators: ['monitoring', 'indicators'] as const,
  indicator: (key: string) => ['monitoring', 'indicator', key] as const,
  series: (key: string, region: string) => ['monitoring', 'series', key, region] as const,
  comparison: (key: string, period: string) => ['monitoring', 'comparison', key, period] as const,
  imports: ['monitoring', 'imports'] as const,
  importReport: (id: string) => ['monitoring', 'imports', id] as const,
  rejections: (id: string) => ['monitoring', 'imports', id, 'rejections'] as const,
  releases: ['monitoring', 'releases'] as const,
};

/** The Landkreis and its municipalities, from monitoring's reference data; they change only with a release. */
export function useRegions() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: () => unwrap(monitoringApi.GET('/regions')),
    staleTime: Infinity,
  });
}

/** A Gebiet's name by its key, or the key while the names load or when monitoring does not know it. */
export function useRegionName(): (key: string) => string {
  const regions = useRegions();
  return (key) => regions.data?.find((region) => region.key === key)?.name ?? key;
}

export function useIndicators() {
  return useQuery({ queryKey: monitoringKeys.indicators, queryFn: () => unwrap(monitoringApi.GET('/indicators')) });
}

export function useIndicator(key: string) {
  return useQuery({
    queryKey: monitoringKeys.indicator(key),
    queryFn: () => unwrap(monitoringApi.GET('/indicators/{key}', { params: { path: { key } } })),
  });
}

/** One series per region, loaded side by side; the chart waits for all of them. */
export function useSeries(key: string, regions: readonly string[]) {
  return useQueries({
    queries: regions.map((region) => ({
      queryKey: monitoringKeys.series(key, region),
      queryFn: () =>
        unwrap(monitoringApi.GET('/indicators/{key}/series', { params: { path: { key }, query: { region } } })),
    })),
  });
}

export function useComparison(key: string, period: string) {
  return useQuery({
    queryKey: monitoringKeys.comparison(key, period),
    queryFn: () =>
      unwrap(monitoringApi.GET('/indicators/{key}/comparison', { params: { path: { key }, query: { period } } })),
    enabled: period !== '',
    placeholderData: keepPreviousData,
  });
}

export function useImports(enabled = true) {
  return useQuery({
    queryKey: monitoringKeys.imports,
    queryFn: () => unwrap(monitoringApi.GET('/measurements/imports')),
    enabled,
  });
}

export function useImportReport(id: string, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.importReport(id),
    queryFn: () => unwrap(monitoringApi.GET('/measurements/imports/{id}', { params: { path: { id } } })),
    enabled,
  });
}

export function useRejections(id: string, enabled: boolean) {
  return useQuery({
    queryKey: monitoringKeys.rejections(id),
    queryFn: () =>
      unwrap(
        monitoringApi.GET('/measurements/imports/{id}/rejections', {
          params: { path: { id }, query: { limit: 1000 } },
        }),
      ),
    enabled,
  });
}

/** Uploads a CSV file as a browser form would; the report comes back with the answer. */
export function useImportCsv() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return unwrap(
        monitoringApi.POST('/measurements/imports', { body: form as never, bodySerializer: (body) => body }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}

export function useCorrection(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CorrectionBody) =>
      unwrap(monitoringApi.POST('/indicators/{key}/corrections', { params: { path: { key } }, body })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
      // Goals fed by this indicator move once goals has applied the correction.
      void queryClient.invalidateQueries({ queryKey: ['goals'] });
    },
  });
}

export function useReleases() {
  return useQuery({ queryKey: monitoringKeys.releases, queryFn: () => unwrap(monitoringApi.GET('/releases')) });
}

export function usePublishRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReleaseBody) => unwrap(monitoringApi.POST('/releases', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
  });
}
