import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type CaseCreate,
  type CaseDetail,
  type CaseListQuery,
  type CasePatch,
  caseDetail,
  caseList,
  caseWriteResult,
  householdSuggestions,
} from '../../../shared/api/cases'
import { api, isApiError } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

export const casePath = (id: string) => `/saker/${encodeURIComponent(id)}`
const apiPath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`

const PAGE_SIZE = 25

/** GET /api/cases with filters; "Vis flere" fetches the next keyset page. */
export function useCaseList(filter: CaseListQuery, enabled = true) {
  return useKeysetList({
    queryKey: queryKeys.cases.list(filter),
    path: '/api/cases',
    params: filter,
    schema: caseList,
    limit: PAGE_SIZE,
    enabled,
  })
}

export function useCase(id: string) {
  return useQuery({
    queryKey: queryKeys.cases.detail(id),
    queryFn: ({ signal }) => api.get(apiPath(id), caseDetail, signal),
  })
}

/** After any case write: the detail from the answer, lists and worklists refetched. */
function useCaseSaved() {
  const queryClient = useQueryClient()
  return (saved: CaseDetail) => {
    queryClient.setQueryData(queryKeys.cases.detail(saved.id), saved)
    void invalidate(queryClient, queryKeys.cases.lists(), queryKeys.worklists.all())
  }
}

export function useCreateCase() {
  const saved = useCaseSaved()
  return useMutation({
    mutationFn: (body: CaseCreate) => api.post('/api/cases', body, caseWriteResult),
    onSuccess: saved,
  })
}

export function usePatchCase(id: string) {
  const saved = useCaseSaved()
  return useMutation({
    mutationFn: (body: CasePatch) => api.patch(apiPath(id), body, caseDetail),
    onSuccess: saved,
  })
}

/** A write refused because the case changed (409): show the case as it is now. */
function useRefetchOnConflict(id: string) {
  const queryClient = useQueryClient()
  return (err: Error) => {
    if (isApiError(err) && err.status === 409)
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(id) })
  }
}

export function useAssignCase(id: string) {
  const saved = useCaseSaved()
  const onError = useRefetchOnConflict(id)
  return useMutation({
    mutationFn: (body: { userId: string | null; version: number }) =>
      api.put(apiPath(id, '/assignee'), body, caseDetail),
    onSuccess: saved,
    onError,
  })
}

export function useSetCaseStatus(id: string) {
  const saved = useCaseSaved()
  const onError = useRefetchOnConflict(id)
  return useMutation({
    mutationFn: ({ status, version }: { status: 'open' | 'closed'; version: number }) =>
      api.post(apiPath(id, status === 'closed' ? '/close' : '/reopen'), { version }, caseDetail),
    onSuccess: saved,
    onError,
  })
}

/** Persons at the case person's address who are not yet contacts; fetched on demand. */
export function useHouseholdSuggestions(id: string) {
  return useQuery({
    queryKey: queryKeys.cases.household(id),
    queryFn: ({ signal }) => api.get(apiPath(id, '/household-suggestions'), householdSuggestions, signal),
    enabled: false,
  })
}
