import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { orgUnitDetail, orgUnitList } from '../../../shared/api/org-units'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** The root of the organisation tree. */
export const NORWAY_CODE = '00'

/** Client route of a unit; Norge is the organisation start page. */
export function orgUnitPath(code: string) {
  return code === NORWAY_CODE ? '/organisasjon' : `/organisasjon/${encodeURIComponent(code)}`
}

/** One unit with its ancestors and children (`GET /api/org-units/:code`). */
export function useOrgUnit(code: string) {
  return useQuery({
    queryKey: queryKeys.orgUnits.detail(code),
    queryFn: ({ signal }) => api.get(`/api/org-units/${encodeURIComponent(code)}`, orgUnitDetail, signal),
    // Reference data that changes rarely.
    staleTime: 5 * 60_000,
  })
}

export const MIN_SEARCH_LENGTH = 2

/** Municipalities whose name matches `q`; idle until `q` has at least two characters. */
export function useKommuneSearch(q: string) {
  const term = q.trim()
  const filter = { kind: 'kommune', q: term }
  return useQuery({
    queryKey: queryKeys.orgUnits.list(filter),
    queryFn: ({ signal }) => api.get(withQuery('/api/org-units', filter), orgUnitList, signal),
    enabled: term.length >= MIN_SEARCH_LENGTH,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  })
}
