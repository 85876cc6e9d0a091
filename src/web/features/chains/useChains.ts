import { useQuery } from '@tanstack/react-query'
import { type ChainListQuery, chainList, chainView } from '../../../shared/api/chains'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

/** The chain holding a case, by the case (the usual way in: from a case or an event). */
export const chainByCasePath = (caseId: string) => `/smittekjeder/sak/${encodeURIComponent(caseId)}`
/** A chain by its id, as listed. */
export const chainPath = (id: string) => `/smittekjeder/${encodeURIComponent(id)}`

const PAGE_SIZE = 25

export function useChainList(query: ChainListQuery) {
  return useKeysetList({
    queryKey: queryKeys.chains.list(query),
    path: '/api/chains',
    params: { active: query.active, minSize: query.minSize as number | undefined },
    schema: chainList,
    limit: PAGE_SIZE,
  })
}

/** GET /api/chains/by-case/:caseId, or GET /api/chains/:id for a chain opened from the list. */
export function useChainView(by: { caseId: string } | { id: string }) {
  const url =
    'caseId' in by
      ? `/api/chains/by-case/${encodeURIComponent(by.caseId)}`
      : `/api/chains/${encodeURIComponent(by.id)}`
  return useQuery({
    queryKey: 'caseId' in by ? queryKeys.chains.byCase(by.caseId) : queryKeys.chains.byId(by.id),
    queryFn: ({ signal }) => api.get(url, chainView, signal),
  })
}
