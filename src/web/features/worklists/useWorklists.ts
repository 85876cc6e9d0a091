import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { type WorklistName, worklistCounts, worklistPage } from '../../../shared/api/worklists'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** GET /api/worklists: how many items each list holds. */
export function useWorklistCounts() {
  return useQuery({
    queryKey: queryKeys.worklists.counts(),
    queryFn: ({ signal }) => api.get('/api/worklists', worklistCounts, signal),
  })
}

/** GET /api/worklists/:name, keyset-paged. */
export function useWorklist(name: WorklistName) {
  return useInfiniteQuery({
    queryKey: queryKeys.worklists.page(name),
    queryFn: ({ pageParam, signal }) =>
      api.get(withQuery(`/api/worklists/${name}`, { cursor: pageParam, limit: 25 }), worklistPage, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  })
}
