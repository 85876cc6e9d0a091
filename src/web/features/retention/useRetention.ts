import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  legalHold,
  legalHoldList,
  previewResponse,
  type RetentionType,
  retentionSettings,
} from '../../../shared/api/retention'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** How far ahead the Administrator's preview looks (issue 12: "the next 30 days"). */
export const PREVIEW_DAYS = 30

export function useRetentionSettings() {
  return useQuery({
    queryKey: queryKeys.retention.settings(),
    queryFn: ({ signal }) => api.get('/api/retention/settings', retentionSettings, signal),
  })
}

/** Saves one type's period (null: back to the default) with the version it was loaded with. */
export function useUpdateRetentionSetting() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (v: { type: RetentionType; days: number | null; version: number }) =>
      api.put(`/api/retention/settings/${v.type}`, { days: v.days, version: v.version }, retentionSettings),
    onSuccess: (data) => {
      client.setQueryData(queryKeys.retention.settings(), data)
      // Another period changes what falls due.
      void client.invalidateQueries({ queryKey: queryKeys.retention.previews() })
    },
  })
}

export function useRetentionPreview(type: RetentionType | '') {
  return useQuery({
    queryKey: queryKeys.retention.preview(type),
    queryFn: ({ signal }) =>
      api.get(withQuery('/api/retention/preview', { days: PREVIEW_DAYS, type }), previewResponse, signal),
  })
}

export function useLegalHolds() {
  return useQuery({
    queryKey: queryKeys.retention.holds(),
    queryFn: ({ signal }) => api.get('/api/retention/holds', legalHoldList, signal),
  })
}

export function useCreateHold() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (v: { recordType: RetentionType; recordId: string; reason: string }) =>
      api.post('/api/retention/holds', v, legalHold),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.retention.all() }),
  })
}

export function useReleaseHold() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      api.post(`/api/retention/holds/${v.id}/release`, { reason: v.reason }, legalHold),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.retention.all() }),
  })
}
