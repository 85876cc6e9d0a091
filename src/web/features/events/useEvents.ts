import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import {
  type ConvertParticipantBody,
  convertParticipantResult,
  type EventCreate,
  type EventDetail,
  type EventListQuery,
  type EventPatch,
  eventDetail,
  eventList,
  type MakeContactsBody,
  makeContactsResult,
  type OutbreakBody,
  type ParticipantBatch,
  participantBatchResult,
} from '../../../shared/api/events'
import { api, withQuery } from '../../api/client'
import { invalidate, queryKeys } from '../../api/queryKeys'
import { useKeysetList } from '../../api/useKeysetList'

export const eventPath = (id: string) => `/hendelser/${encodeURIComponent(id)}`
const apiPath = (id: string, rest = '') => `/api/events/${encodeURIComponent(id)}${rest}`

const PAGE_SIZE = 25

/** GET /api/events with filters; "Vis flere" fetches the next keyset page. */
export function useEventList(filter: EventListQuery) {
  return useKeysetList({
    queryKey: queryKeys.events.list(filter),
    path: '/api/events',
    params: filter,
    schema: eventList,
    limit: PAGE_SIZE,
  })
}

export function useEvent(id: string) {
  return useQuery({
    queryKey: queryKeys.events.detail(id),
    queryFn: ({ signal }) => api.get(apiPath(id), eventDetail, signal),
  })
}

/** After an event write: the detail from the answer; lists, cases and chains refetch. */
function useEventSaved() {
  const queryClient = useQueryClient()
  return (saved: EventDetail) => {
    queryClient.setQueryData(queryKeys.events.detail(saved.id), saved)
    void invalidate(queryClient, queryKeys.events.lists(), queryKeys.chains.all())
  }
}

export function useCreateEvent() {
  const saved = useEventSaved()
  return useMutation({
    mutationFn: (body: EventCreate) => api.post('/api/events', body, eventDetail),
    onSuccess: saved,
  })
}

export function usePatchEvent(id: string) {
  const saved = useEventSaved()
  return useMutation({
    mutationFn: (body: EventPatch) => api.patch(apiPath(id), body, eventDetail),
    onSuccess: saved,
  })
}

export function useSetOutbreak(id: string) {
  const saved = useEventSaved()
  return useMutation({
    mutationFn: (body: OutbreakBody) => api.put(apiPath(id, '/outbreak'), body, eventDetail),
    onSuccess: saved,
  })
}

/** Refetch everything a participant change can show up in. */
function useParticipantsChanged(eventId: string) {
  const queryClient = useQueryClient()
  return () => {
    void invalidate(
      queryClient,
      queryKeys.events.detail(eventId),
      queryKeys.events.lists(),
      queryKeys.cases.all(),
      queryKeys.contacts.all(),
      queryKeys.chains.all(),
      queryKeys.worklists.all(),
      queryKeys.persons.all(),
    )
  }
}

/** POST /api/events/:id/participants/batch: the participant grid, all or nothing. */
export function useSaveParticipants(eventId: string) {
  const changed = useParticipantsChanged(eventId)
  return useMutation({
    mutationFn: (body: ParticipantBatch) =>
      api.post(apiPath(eventId, '/participants/batch'), body, participantBatchResult),
    onSuccess: changed,
  })
}

export function useRemoveParticipant(eventId: string) {
  const changed = useParticipantsChanged(eventId)
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      api.delete(withQuery(apiPath(eventId, `/participants/${encodeURIComponent(id)}`), { version })),
    onSuccess: changed,
  })
}

/** POST /api/events/:id/contacts: the selected participants become contacts of a case. */
export function useMakeContacts(eventId: string) {
  const changed = useParticipantsChanged(eventId)
  return useMutation({
    mutationFn: (body: MakeContactsBody) => api.post(apiPath(eventId, '/contacts'), body, makeContactsResult),
    onSuccess: changed,
  })
}

export function useConvertParticipant(eventId: string) {
  const changed = useParticipantsChanged(eventId)
  return useMutation({
    mutationFn: ({ id, ...body }: ConvertParticipantBody & { id: string }) =>
      api.post(
        apiPath(eventId, `/participants/${encodeURIComponent(id)}/convert-to-case`),
        body,
        convertParticipantResult,
      ),
    onSuccess: changed,
  })
}
