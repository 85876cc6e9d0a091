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

export const followUpKeys = {
  all: ['followups'] as const,
  today: (q: FollowUpTodayQuery) => ['followups', 'today', q] as const,
  settings: () => ['followups', 'settings'] as const,
}

export function useFollowUpToday(q: FollowUpTodayQuery) {
  return useQuery({
    queryKey: followUpKeys.today(q),
    queryFn: ({ signal }) => api.get(withQuery('/api/followups/today', q), followUpToday, signal),
  })
}

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => {
    void queryClient.invalidateQueries({ queryKey: followUpKeys.all })
    void queryClient.invalidateQueries({ queryKey: ['measures'] })
  }
}

export function useAssignCalls() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: FollowUpAssignBody) => api.post('/api/followups/assign', body, followUpAssignResult),
    onSuccess: invalidate,
  })
}

export function useRecordCall(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (body: FollowUpRecordBody) =>
      api.post(`/api/followups/${encodeURIComponent(id)}/record`, body, followUpRecordResult),
    onSuccess: invalidate,
  })
}

export function useFollowUpSettings() {
  return useQuery({
    queryKey: followUpKeys.settings(),
    queryFn: ({ signal }) => api.get('/api/followups/settings', followUpSettingsView, signal),
  })
}

export function useSaveFollowUpSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: FollowUpSettingsUpdate) =>
      api.put('/api/followups/settings', body, followUpSettingsView),
    onSuccess: (saved) => queryClient.setQueryData(followUpKeys.settings(), saved),
  })
}

/**
 * The contact → case path from a follow-up call (SPEC §3.3, §4): the contacts API converts (with
 * the contact's current version), then isolation starts for the new case. Returns the case id.
 */
export function useConvertAndIsolate() {
  const invalidate = useInvalidate()
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
      invalidate()
      void queryClient.invalidateQueries({ queryKey: ['cases'] })
      void queryClient.invalidateQueries({ queryKey: ['contacts'] })
    },
  })
}
