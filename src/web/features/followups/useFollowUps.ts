import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { caseWriteResult } from '../../../shared/api/cases'
import { contactDetail } from '../../../shared/api/contacts'
import {
  type FollowUpAssignBody,
  type FollowUpRecordBody,
  type FollowUpSettingsUpdate,
  type FollowUpTodayQuery,
  followUpAssignResult,
  followUpRecordResult,
  followUpSettingsView,
  followUpToday,
} from '../../../shared/api/followups'
import { measureView } from '../../../shared/api/measures'
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
 * The contact → case path from a follow-up call (SPEC §3.3, §4): the contacts API converts (with
 * the contact's current version), then isolation starts for the new case. Returns the case id.
 */
export function useConvertAndIsolate() {
  const callsChanged = useCallsChanged()
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (input: { contactId: string; testDate: string; onsetDate: string | null }) => {
      const contact = await api.get(`/api/contacts/${encodeURIComponent(input.contactId)}`, contactDetail)
      const created = await api.post(
        `/api/contacts/${encodeURIComponent(input.contactId)}/convert-to-case`,
        {
          testDate: input.testDate,
          onsetDate: input.onsetDate,
          symptomatic: input.onsetDate ? true : null,
          version: contact.version,
        },
        caseWriteResult,
      )
      await api.post('/api/measures', { kind: 'isolation', caseId: created.id }, measureView)
      return created.id
    },
    onSuccess: () => {
      callsChanged()
      void invalidate(queryClient, queryKeys.cases.all(), queryKeys.contacts.all())
    },
  })
}
