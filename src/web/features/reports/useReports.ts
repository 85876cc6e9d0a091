import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { weeklyReport, weekStatusList } from '../../../shared/api/reports'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** GET /api/reports/weekly: recent weeks and their submission status. */
export function useWeekList() {
  return useQuery({
    queryKey: queryKeys.reports.weeks(),
    queryFn: ({ signal }) => api.get(withQuery('/api/reports/weekly', { weeks: 16 }), weekStatusList, signal),
  })
}

/** GET /api/reports/weekly/:week[?unit=] */
export function useWeeklyReport(week: string, unit: string) {
  return useQuery({
    queryKey: queryKeys.reports.week(week, unit),
    queryFn: ({ signal }) =>
      api.get(withQuery(`/api/reports/weekly/${encodeURIComponent(week)}`, { unit }), weeklyReport, signal),
    enabled: !!week,
    placeholderData: keepPreviousData,
  })
}

/** POST /api/reports/weekly/:week/submit */
export function useSubmitWeek(week: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { reason?: string }) =>
      api.post(`/api/reports/weekly/${encodeURIComponent(week)}/submit`, body, weeklyReport),
    onSuccess: async (report) => {
      client.setQueryData(queryKeys.reports.week(week, ''), report)
      await client.invalidateQueries({ queryKey: queryKeys.reports.all() })
    },
  })
}

export const weeklyExportHref = (week: string, format: 'csv' | 'xlsx', version?: number) =>
  withQuery(`/api/reports/weekly/${encodeURIComponent(week)}/export`, { format, version })
