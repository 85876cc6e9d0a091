import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  activateKommuneResponse,
  type KommuneChecklist,
  kommuneChecklist,
  kommuneList,
  kommuneSettings,
  type OnboardingStep,
} from '../../../shared/api/onboarding'
import { orgUnitList } from '../../../shared/api/org-units'
import { api, withQuery } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

export interface KommuneFilter {
  fylke: string
  status: string
  q: string
  page: number
}

export const kommunePath = (code: string) => `/kommuner/${encodeURIComponent(code)}`

/** The active municipality's own checklist and settings (`/oppstart`). */
export function useOwnChecklist() {
  return useQuery({
    queryKey: queryKeys.onboarding.own(),
    queryFn: ({ signal }) => api.get('/api/onboarding/own', kommuneChecklist, signal),
  })
}

export function useSaveSettings() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: unknown) => api.put('/api/onboarding/own/settings', input, kommuneSettings),
    onSuccess: (settings) =>
      client.setQueryData<KommuneChecklist>(queryKeys.onboarding.own(), (old) =>
        old ? { ...old, settings } : old,
      ),
  })
}

export function useKommuneList(f: KommuneFilter) {
  return useQuery({
    queryKey: queryKeys.onboarding.kommuneList(f),
    queryFn: ({ signal }) =>
      api.get(withQuery('/api/onboarding/kommuner', { ...f, pageSize: 100 }), kommuneList, signal),
    placeholderData: keepPreviousData,
  })
}

export function useFylker() {
  return useQuery({
    queryKey: queryKeys.orgUnits.list({ kind: 'fylke' }),
    queryFn: ({ signal }) => api.get('/api/org-units?kind=fylke', orgUnitList, signal),
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useKommuneChecklist(code: string) {
  return useQuery({
    queryKey: queryKeys.onboarding.kommune(code),
    queryFn: ({ signal }) =>
      api.get(`/api/onboarding/kommuner/${encodeURIComponent(code)}`, kommuneChecklist, signal),
  })
}

/** Operator changes answer with the whole checklist: store it and refresh the list. */
function useChecklistMutation<I>(code: string, call: (input: I) => Promise<KommuneChecklist>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: call,
    onSuccess: async (checklist) => {
      client.setQueryData(queryKeys.onboarding.kommune(code), checklist)
      await client.invalidateQueries({ queryKey: queryKeys.onboarding.kommuner() })
    },
  })
}

const stepUrl = (code: string, step: OnboardingStep) =>
  `/api/onboarding/kommuner/${encodeURIComponent(code)}/steps/${step}`

export const useRecordStep = (code: string) =>
  useChecklistMutation(
    code,
    ({ step, ...body }: { step: OnboardingStep; doneOn: string; note?: string | null }) =>
      api.put(stepUrl(code, step), body, kommuneChecklist),
  )

export const useUndoStep = (code: string) =>
  useChecklistMutation(code, ({ step, reason }: { step: OnboardingStep; reason: string }) =>
    api.post(`${stepUrl(code, step)}/undo`, { reason }, kommuneChecklist),
  )

export function useActivateKommune(code: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: unknown) =>
      api.post(
        `/api/onboarding/kommuner/${encodeURIComponent(code)}/activate`,
        input,
        activateKommuneResponse,
      ),
    onSuccess: async ({ checklist }) => {
      client.setQueryData(queryKeys.onboarding.kommune(code), checklist)
      await client.invalidateQueries({ queryKey: queryKeys.onboarding.kommuner() })
      await client.invalidateQueries({ queryKey: queryKeys.orgUnits.all() })
    },
  })
}

export const useSetOrgNumber = (code: string) =>
  useChecklistMutation(code, (input: { orgNumber: string }) =>
    api.put(`/api/onboarding/kommuner/${encodeURIComponent(code)}/org-number`, input, kommuneChecklist),
  )
