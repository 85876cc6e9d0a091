import { useQuery } from '@tanstack/react-query'
import { type ChainListQuery, chainList, chainView } from '../../../shared/api/chains'
import { api } from '../../api/client'
import { useKeysetList } from '../../api/useKeysetList'

export const chainKeys = {
  all: ['chains'] as const,
  list: (q: ChainListQuery) => ['chains', 'list', q] as const,
  byCase: (caseId: string) => ['chains', 'by-case', caseId] as const,
  byId: (id: string) => ['chains', 'id', id] as const,
}

/** The chain holding a case, by the case (the usual way in: from a case or an event). */
export const chainByCasePath = (caseId: string) => `/smittekjeder/sak/${encodeURIComponent(caseId)}`
/** A chain by its id, as listed. */
export const chainPath = (id: string) => `/smittekjeder/${encodeURIComponent(id)}`

const PAGE_SIZE = 25

export function useChainList(query: ChainListQuery) {
  return useKeysetList({
    queryKey: chainKeys.list(query),
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
    queryKey: 'caseId' in by ? chainKeys.byCase(by.caseId) : chainKeys.byId(by.id),
    queryFn: ({ signal }) => api.get(url, chainView, signal),
  })
}
