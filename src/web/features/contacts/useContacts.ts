import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { convertToCaseResult } from '../../../shared/api/cases'
import {
  type ContactBatch,
  type ContactDetail,
  type ContactPatch,
  type ConvertToCaseBody,
  contactBatchResult,
  contactDetail,
} from '../../../shared/api/contacts'
import { api, isApiError } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'

export const contactPath = (id: string) => `/kontakter/${encodeURIComponent(id)}`
const apiPath = (id: string, rest = '') => `/api/contacts/${encodeURIComponent(id)}${rest}`

export function useContact(id: string) {
  return useQuery({
    queryKey: queryKeys.contacts.detail(id),
    queryFn: ({ signal }) => api.get(apiPath(id), contactDetail, signal),
  })
}

/** After a contact write: its detail from the answer; the case page and worklists refetch. */
function useContactSaved() {
  const queryClient = useQueryClient()
  return (saved: ContactDetail) => {
    queryClient.setQueryData(queryKeys.contacts.detail(saved.id), saved)
    if (saved.caseId) void queryClient.invalidateQueries({ queryKey: queryKeys.cases.detail(saved.caseId) })
    void queryClient.invalidateQueries({ queryKey: queryKeys.worklists.all() })
  }
}

/** POST /api/cases/:id/contacts/batch: the whole line-listing grid, all or nothing. */
export function useSaveContactBatch(caseId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ContactBatch) =>
      api.post(`/api/cases/${encodeURIComponent(caseId)}/contacts/batch`, body, contactBatchResult),
    onSuccess: () => {
      void invalidate(
        queryClient,
        queryKeys.cases.detail(caseId),
        queryKeys.cases.household(caseId),
        queryKeys.cases.lists(),
        queryKeys.worklists.all(),
        queryKeys.persons.all(),
      )
    },
  })
}

export function usePatchContact(id: string) {
  const saved = useContactSaved()
  return useMutation({
    mutationFn: (body: ContactPatch) => api.patch(apiPath(id), body, contactDetail),
    onSuccess: saved,
  })
}

/** POST /api/contacts/:id/notified: today's date (or null to undo) with the version read. */
export function useMarkNotified() {
  const saved = useContactSaved()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; notifiedAt: string | null; version: number }) =>
      api.post(apiPath(id, '/notified'), body, contactDetail),
    onSuccess: saved,
    // Changed meanwhile (409): show the contact and its case as they are now.
    onError: (err, { id }) => {
      if (!isApiError(err) || err.status !== 409) return
      void invalidate(queryClient, queryKeys.contacts.detail(id), queryKeys.cases.details())
    },
  })
}

/** PUT /api/contacts/:id/assignee: a user of this municipality, or null to unassign. */
export function useAssignContact(id: string) {
  const saved = useContactSaved()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { userId: string | null; version: number }) =>
      api.put(apiPath(id, '/assignee'), body, contactDetail),
    onSuccess: saved,
    // Changed meanwhile (409): show the contact as it is now, then the tracer can choose again.
    onError: (err) => {
      if (isApiError(err) && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: queryKeys.contacts.detail(id) })
    },
  })
}

/** POST /api/contacts/:id/convert-to-case: answers with the new case. */
export function useConvertToCase(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: ConvertToCaseBody) =>
      api.post(apiPath(id, '/convert-to-case'), body, convertToCaseResult),
    onSuccess: (created) => {
      queryClient.setQueryData(queryKeys.cases.detail(created.id), created)
      void invalidate(
        queryClient,
        queryKeys.contacts.all(),
        queryKeys.cases.all(),
        queryKeys.worklists.all(),
        queryKeys.measures.all(),
      )
    },
  })
}
