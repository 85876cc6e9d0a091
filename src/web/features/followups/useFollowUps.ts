import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { convertToCaseResult } from '../../../shared/api/cases'
import { contactDetail } from '../../../shared/api/contacts'
import {
  type CloseLateBody,
  closeLateResult,
  type FollowUpAssignBody,
  type FollowUpRecordBody,
  type FollowUpSettingsUpdate,
  type FollowUpTodayQuery,
  followUpAssignResult,
  followUpRecordResult,
  followUpSettingsView,
  followUpToday,
  symptomsReported,
} from '../../../shared/api/followups'
import { api, withQuery } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'

export function useFollowUpToday(q: FollowUpTodayQuery) {
  return useQuery({
    queryKey: queryKeys.followUps.today(q),
    queryFn: ({ signal }) => api.get(withQuery('/api/followups/today', q), followUpToday, signal),
  })
}

function useCallsChanged() {
  const queryClient = useQueryClient()
  return () => {
    void invalidate(queryClient, queryKeys.followUps.all(), queryKeys.measures.all())
  }
}

export function useAssignCalls() {
  const callsChanged = useCallsChanged()
  return useMutation({
    mutationFn: (body: FollowUpAssignBody) => api.post('/api/followups/assign', body, followUpAssignResult),
    onSuccess: callsChanged,
  })
}

export function useRecordCall(id: string) {
  const callsChanged = useCallsChanged()
  return useMutation({
    mutationFn: (body: FollowUpRecordBody) =>
      api.post(`/api/followups/${encodeURIComponent(id)}/record`, body, followUpRecordResult),
    onSuccess: callsChanged,
  })
}

export function useFollowUpSettings() {
  return useQuery({
    queryKey: queryKeys.followUps.settings(),
    queryFn: ({ signal }) => api.get('/api/followups/settings', followUpSettingsView, signal),
  })
}

export function useSaveFollowUpSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FollowUpSettingsUpdate) =>
      api.put('/api/followups/settings', body, followUpSettingsView),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.followUps.settings(), saved),
  })
}

/**
 * The contact → case path from a follow-up call (SPEC §3.3, §4, issue 18): one request to the
 * contacts API (with the contact's current version and the call it comes from) creates the case,
 * ends the quarantine and starts isolation in one transaction. Returns the case id.
 */
export function useConvertAndIsolate() {
  const callsChanged = useCallsChanged()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: {
      contactId: string
      testDate: string
      onsetDate: string | null
      fromCallId?: string | undefined
    }) => {
      const contact = await api.get(`/api/contacts/${encodeURIComponent(input.contactId)}`, contactDetail)
      const created = await api.post(
        `/api/contacts/${encodeURIComponent(input.contactId)}/convert-to-case`,
        {
          testDate: input.testDate,
          onsetDate: input.onsetDate,
          symptomatic: input.onsetDate ? true : null,
          ...(input.fromCallId ? { fromCallId: input.fromCallId } : {}),
          version: contact.version,
        },
        convertToCaseResult,
      )
      return created.id
    },
    onSuccess: () => {
      callsChanged()
      void invalidate(queryClient, queryKeys.cases.all(), queryKeys.contacts.all())
    },
  })
}

/** GET /api/followups/symptoms: "Symptomer meldt". */
export function useSymptomsReported() {
  return useQuery({
    queryKey: queryKeys.followUps.symptoms(),
    queryFn: ({ signal }) => api.get('/api/followups/symptoms', symptomsReported, signal),
  })
}

/** POST /api/followups/close-late: close a measure's late calls in one action. */
export function useCloseLateCalls() {
  const callsChanged = useCallsChanged()
  return useMutation({
    mutationFn: (body: CloseLateBody) => api.post('/api/followups/close-late', body, closeLateResult),
    onSuccess: callsChanged,
  })
}
