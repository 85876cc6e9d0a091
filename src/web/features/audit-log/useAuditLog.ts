import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { auditLogPage, auditUserList, auditVerification, innsynReport } from '../../../shared/api/audit-log'
import { personList } from '../../../shared/api/persons'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

/** The log's filters as they appear in the page address and the API query. */
export interface AuditFilters {
  userId: string
  personId: string
  action: string
  from: string
  to: string
}

export const FILTER_KEYS = ['userId', 'personId', 'action', 'from', 'to'] as const
export const EMPTY_FILTERS: AuditFilters = { userId: '', personId: '', action: '', from: '', to: '' }

const PAGE_SIZE = 50

/** GET /api/audit-log, newest first, a page at a time (each page is itself logged as a search). */
export function useAuditLog(filters: AuditFilters) {
  return useKeysetList({
    queryKey: queryKeys.auditLog.log(filters),
    path: '/api/audit-log',
    params: filters,
    schema: auditLogPage,
    limit: PAGE_SIZE,
    // A log read is logged: do not re-read it behind the user's back.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  })
}

export const auditCsvHref = (filters: AuditFilters) => withQuery('/api/audit-log.csv', { ...filters })

/** GET /api/audit-log/users: everyone who holds or held a role here, for the user filter. */
export function useAuditUsers() {
  return useQuery({
    queryKey: queryKeys.auditLog.users(),
    queryFn: ({ signal }) => api.get('/api/audit-log/users', auditUserList, signal),
    staleTime: 5 * 60_000,
  })
}

/** GET /api/audit-log/innsyn/:personId: who read or changed one person's data. */
export function useInnsyn(personId: string, includeDenied: boolean) {
  return useQuery({
    queryKey: queryKeys.auditLog.innsyn(personId, includeDenied),
    queryFn: ({ signal }) =>
      api.get(
        withQuery(`/api/audit-log/innsyn/${encodeURIComponent(personId)}`, {
          includeDenied: includeDenied ? 'true' : undefined,
        }),
        innsynReport,
        signal,
      ),
    enabled: !!personId,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  })
}

export const innsynCsvHref = (personId: string, includeDenied: boolean) =>
  withQuery(`/api/audit-log/innsyn/${encodeURIComponent(personId)}.csv`, {
    includeDenied: includeDenied ? 'true' : undefined,
  })

export const MIN_PERSON_QUERY = 2

/** GET /api/persons?q= for the person filter (the persons API logs the search). */
export function usePersonChoices(q: string) {
  const term = q.trim()
  return useQuery({
    queryKey: queryKeys.auditLog.personSearch(term),
    queryFn: ({ signal }) => api.get(withQuery('/api/persons', { q: term, limit: 10 }), personList, signal),
    enabled: term.length >= MIN_PERSON_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  })
}

/** GET /api/audit-log/verify: run on request only, it reads the whole log. */
export function useVerifyAuditLog() {
  return useMutation({
    mutationFn: () => api.get('/api/audit-log/verify', auditVerification),
  })
}
