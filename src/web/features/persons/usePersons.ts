import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  duplicatePairs,
  duplicateSuggestions,
  type mergeBody,
  nationalIdLookup,
  type PersonRef,
  type PersonView,
  personList,
  type personUpdate,
  personView,
} from '../../../shared/api/persons'
import { api, withQuery } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

export const personPath = (id: string) => `/personer/${encodeURIComponent(id)}`

/** GET /api/persons/:id (audited as a read). */
export function usePerson(id: string | null | undefined) {
  return useQuery({
    queryKey: queryKeys.persons.detail(id ?? ''),
    queryFn: ({ signal }) => api.get(`/api/persons/${encodeURIComponent(id!)}`, personView, signal),
    enabled: !!id,
  })
}

/** GET /api/persons?q=: keyset-paged search by name, national id or phone. */
export function usePersonSearch(q: string) {
  return useKeysetList({
    queryKey: queryKeys.persons.search(q),
    path: '/api/persons',
    params: { q },
    schema: personList,
    limit: 25,
    enabled: q.trim().length >= 2,
  })
}

export interface DuplicateQuery {
  firstName?: string
  lastName?: string
  birthDate?: string
  phone?: string
  street?: string
}

/** Enough typed to look for the same person: a last name, or a birth date or phone with a name. */
export function isSuggestable(q: DuplicateQuery) {
  const name = `${q.firstName ?? ''}${q.lastName ?? ''}`.trim()
  return name.length >= 3 || (!!q.phone && q.phone.replace(/\D/g, '').length >= 8)
}

/** GET /api/persons/duplicate-suggestions; idle until `isSuggestable` (callers debounce `q`). */
export function useDuplicateSuggestions(q: DuplicateQuery, enabled = true) {
  const clean = Object.fromEntries(
    Object.entries(q).filter(([, v]) => v && String(v).trim()),
  ) as DuplicateQuery
  return useQuery({
    queryKey: queryKeys.persons.suggestions(clean),
    queryFn: ({ signal }) =>
      api.get(withQuery('/api/persons/duplicate-suggestions', { ...clean }), duplicateSuggestions, signal),
    enabled: enabled && isSuggestable(clean),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  })
}

/** POST /api/persons/lookup: whether and where a national id is followed up (no personal data). */
export function useNationalIdLookup() {
  return useMutation({
    mutationFn: (nationalId: string) => api.post('/api/persons/lookup', { nationalId }, nationalIdLookup),
  })
}

export function useCreatePerson() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PersonRef) =>
      api.post('/api/persons', body, z.object({ created: z.boolean(), person: personView })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.persons.all() }),
  })
}

export type PersonPatch = z.input<typeof personUpdate>

/** PATCH /api/persons/:id with the version read; 409 `conflict` carries `current`. */
export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: PersonPatch) => api.patch(`/api/persons/${encodeURIComponent(id)}`, body, personView),
    onSuccess: (person) => {
      queryClient.setQueryData(queryKeys.persons.detail(id), person)
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all() })
    },
  })
}

/**
 * POST /api/persons/:id/reveal-address. The revealed view is kept only in this component's state,
 * not in the cache, so the address is hidden again when the user leaves the page.
 */
export function useRevealAddress(id: string) {
  return useMutation({
    mutationFn: (reason: string): Promise<PersonView> =>
      api.post(`/api/persons/${encodeURIComponent(id)}/reveal-address`, { reason }, personView),
  })
}

export function useDuplicatePairs() {
  return useQuery({
    queryKey: queryKeys.persons.duplicates(),
    queryFn: ({ signal }) => api.get('/api/persons/duplicates', duplicatePairs, signal),
  })
}

export function useMergePersons() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: z.input<typeof mergeBody>) => api.post('/api/persons/merge', body, personView),
    onSuccess: () => {
      void invalidate(queryClient, queryKeys.persons.all(), queryKeys.cases.all(), queryKeys.contacts.all())
    },
  })
}
