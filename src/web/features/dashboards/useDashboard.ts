import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type DashboardQuery,
  dashboard,
  reportTable,
  type SavedReportDefinition,
  savedReport,
  savedReportList,
} from '../../../shared/api/dashboards'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** GET /api/dashboards/kommune */
export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: queryKeys.dashboards.kommune(query),
    queryFn: ({ signal }) => api.get(withQuery('/api/dashboards/kommune', { ...query }), dashboard, signal),
    placeholderData: keepPreviousData,
  })
}

export function useSavedReports() {
  return useQuery({
    queryKey: queryKeys.reports.saved(),
    queryFn: ({ signal }) => api.get('/api/reports/saved', savedReportList, signal),
  })
}

export function useSavedTable(id: string) {
  return useQuery({
    queryKey: queryKeys.reports.savedTable(id),
    queryFn: ({ signal }) =>
      api.get(`/api/reports/saved/${encodeURIComponent(id)}/table`, reportTable, signal),
  })
}

export function useCreateSaved() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { name: string; definition: SavedReportDefinition }) =>
      api.post('/api/reports/saved', body, savedReport),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reports.saved() }),
  })
}

export function useDeleteSaved() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/reports/saved/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.reports.saved() }),
  })
}

export const savedExportHref = (id: string, format: 'csv' | 'xlsx') =>
  withQuery(`/api/reports/saved/${encodeURIComponent(id)}/export`, { format })
