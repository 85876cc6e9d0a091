import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { subunitOverview, subunitSummary } from '../../../shared/api/org-units'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** The active municipality's own sub-units (`GET /api/subunits`, Administrator only). */
export function useSubunits(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.orgUnits.subunits(),
    queryFn: ({ signal }) => api.get('/api/subunits', subunitOverview, signal),
    enabled,
  })
}

/** Any change refreshes the overview and the organisation tree (sub-units appear there too). */
function useSubunitMutation<I>(call: (input: I) => Promise<unknown>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.orgUnits.all() }),
  })
}

export const useAddSubunit = () =>
  useSubunitMutation((input: unknown) => api.post('/api/subunits', input, subunitSummary))

export const useRenameSubunit = () =>
  useSubunitMutation(({ code, ...body }: { code: string; version: number; name: string }) =>
    api.patch(`/api/subunits/${encodeURIComponent(code)}`, body, subunitSummary),
  )

export const useRetireSubunit = () =>
  useSubunitMutation(({ code, version }: { code: string; version: number }) =>
    api.post(`/api/subunits/${encodeURIComponent(code)}/retire`, { version }, subunitSummary),
  )
