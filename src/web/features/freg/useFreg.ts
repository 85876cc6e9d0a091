import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type FregField,
  fregLookupResult,
  fregRefreshResult,
  fregStatusResponse,
} from '../../../shared/api/freg'
import { type PersonInput, personView } from '../../../shared/api/persons'
import { api } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'

/** The persons feature's query root; FREG updates a person, so its cached copies are refreshed. */

/** Whether the active municipality may look people up, and what is missing if not. */
export function useFregStatus(kommune: string | null, enabled = true) {
  return useQuery({
    queryKey: queryKeys.freg.status(kommune),
    queryFn: ({ signal }) => api.get('/api/freg/status', fregStatusResponse, signal),
    enabled: enabled && !!kommune,
    staleTime: 60_000,
    retry: false,
  })
}

/** `POST /api/freg/lookup`: FREG's answer for a national id (audited; failures are problems). */
export function useFregLookup() {
  return useMutation({
    mutationFn: (nationalId: string) => api.post('/api/freg/lookup', { nationalId }, fregLookupResult),
  })
}

/** `POST /api/persons/:id/freg-refresh`: the preview of what FREG would change. */
export function useFregRefresh(personId: string) {
  return useMutation({
    mutationFn: () =>
      api.post(`/api/persons/${encodeURIComponent(personId)}/freg-refresh`, undefined, fregRefreshResult),
  })
}

/** `POST /api/persons/:id/freg-apply`: saves the confirmed fields with their provenance. */
export function useFregApply(personId: string) {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: (body: { version: number; receipt: string; fields: FregField[] }) =>
      api.post(`/api/persons/${encodeURIComponent(personId)}/freg-apply`, body, personView),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.persons.all() }),
  })
}

/** Registers a person from FREG values, then records where they came from (two calls). */
export function useRegisterFromFreg() {
  const qc = useQueryClient()
  return useMutation({
    mutationFn: async (v: { fields: PersonInput; receipt: string; apply: FregField[] }) => {
      const created = await api.post('/api/persons', { ...v.fields, confirmNew: true })
      const person = personView.parse((created as { person: unknown }).person)
      return api.post(
        `/api/persons/${encodeURIComponent(person.id)}/freg-apply`,
        { version: person.version, receipt: v.receipt, fields: v.apply },
        personView,
      )
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.persons.all() }),
  })
}
