import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  apiClient,
  apiClientCreated,
  apiClientList,
  kommuneVersions,
  nationalWeekly,
} from '../../../shared/api/fhi'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** GET /api/fhi/weekly/:week — the national overview. */
export function useNationalWeekly(week: string) {
  return useQuery({
    queryKey: queryKeys.fhi.weekly(week),
    queryFn: ({ signal }) => api.get(`/api/fhi/weekly/${encodeURIComponent(week)}`, nationalWeekly, signal),
    enabled: !!week,
  })
}

/** GET /api/fhi/weekly/:week/kommuner/:kommune — every submitted version (loaded when opened). */
export function useKommuneVersions(week: string, kommune: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.fhi.versions(week, kommune),
    queryFn: ({ signal }) =>
      api.get(
        `/api/fhi/weekly/${encodeURIComponent(week)}/kommuner/${encodeURIComponent(kommune)}`,
        kommuneVersions,
        signal,
      ),
    enabled: enabled && !!week,
  })
}

export const nationalExportHref = (week: string, format: 'csv' | 'xlsx') =>
  withQuery(`/api/fhi/weekly/${encodeURIComponent(week)}/export`, { format })

export function useApiClients() {
  return useQuery({
    queryKey: queryKeys.fhi.apiClients(),
    queryFn: ({ signal }) => api.get('/api/fhi/api-clients', apiClientList, signal),
  })
}

export function useCreateApiClient() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { name: string; clientId?: string }) =>
      api.post('/api/fhi/api-clients', body, apiClientCreated),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.fhi.apiClients() }),
  })
}

export function useRevokeApiClient() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      api.post(`/api/fhi/api-clients/${encodeURIComponent(id)}/revoke`, {}, apiClient),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.fhi.apiClients() }),
  })
}
