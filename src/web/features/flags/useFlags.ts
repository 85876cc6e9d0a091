import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FlagCreate, type FlagResolveBody, flagList, flagView } from '../../../shared/api/flags'
import { api, isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

/** POST /api/flags: "Meld feil" on a registration. */
export function useCreateFlag() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FlagCreate) => api.post('/api/flags', body, flagView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
  })
}

/** GET /api/flags?status=: the Administrator's queue, keyset-paged. */
export function useFlagList(status: 'open' | 'resolved') {
  return useKeysetList({
    queryKey: queryKeys.flags.list(status),
    path: '/api/flags',
    params: { status },
    schema: flagList,
    limit: 25,
    keepPrevious: false,
  })
}

/** POST /api/flags/:id/resolve with what was done and the version read. */
export function useResolveFlag(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FlagResolveBody) =>
      api.post(`/api/flags/${encodeURIComponent(id)}/resolve`, body, flagView),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() }),
    // Resolved or changed by someone else meanwhile (409): show the queue as it is now.
    onError: (err: Error) => {
      if (isApiError(err) && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: queryKeys.flags.all() })
    },
  })
}
