import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { type EventCreate, type EventView, eventCreate, eventView } from '../../../shared/api/events'
import { type ApiFieldError, isApiError } from '../../api/client'
import { queryKeys } from '../../api/queryKeys'
import { applyApiErrors, blankToNull } from '../../components/formErrors'
import type { EventConflict } from './eventConflict'
import { fromOsloInput, toOsloInput } from './osloTime'

/** The event form as the inputs hold it: strings, with the times as datetime-local values. */
export interface EventFormValues {
  name: string
  exposureSetting: string
  location: string
  address: string
  eventKommune: string
  startsAt: string
  endsAt: string
  organiserName: string
  organiserPhone: string
  organiserEmail: string
  description: string
  status: 'active' | 'closed'
}
export const EVENT_FIELDS: (keyof EventFormValues)[] = [
  'name',
  'exposureSetting',
  'location',
  'address',
  'eventKommune',
  'startsAt',
  'endsAt',
  'organiserName',
  'organiserPhone',
  'organiserEmail',
  'description',
  'status',
]

export const formValuesOf = (e?: EventView): EventFormValues => ({
  name: e?.name ?? '',
  exposureSetting: e?.exposureSetting ?? '',
  location: e?.location ?? '',
  address: e?.address ?? '',
  eventKommune: e?.eventKommune ?? '',
  startsAt: toOsloInput(e?.startsAt),
  endsAt: toOsloInput(e?.endsAt),
  organiserName: e?.organiserName ?? '',
  organiserPhone: e?.organiserPhone ?? '',
  organiserEmail: e?.organiserEmail ?? '',
  description: e?.description ?? '',
  status: e?.status ?? 'active',
})

/** The values as the API body (times in Norwegian time as ISO instants, '' as null). */
export function toEventBody(v: EventFormValues): EventCreate {
  const rest = blankToNull({ ...v }) as Record<keyof EventFormValues, string | null>
  return {
    ...rest,
    name: v.name,
    exposureSetting: v.exposureSetting,
    status: v.status,
    startsAt: v.startsAt ? fromOsloInput(v.startsAt) : null,
    endsAt: v.endsAt ? fromOsloInput(v.endsAt) : null,
  }
}

/**
 * One form for registering and editing an event: checked with the shared `eventCreate` schema
 * before sending, server field errors (e.g. `body.endsAt`) shown on the fields. An edit refused
 * with 409 `conflict` keeps the input and exposes `conflict` (as the case form does); the user
 * then reloads the stored event or re-applies their changed fields on top of it.
 */
export function useEventForm(
  initial: EventView | undefined,
  save: (body: EventCreate, version?: number) => Promise<unknown>,
) {
  const queryClient = useQueryClient()
  const [left, setLeft] = useState<ApiFieldError[]>([])
  const [conflict, setConflict] = useState<EventConflict | null>(null)
  const form = useForm<EventFormValues>({
    defaultValues: formValuesOf(initial),
    resolver: async (values) => {
      const parsed = eventCreate.safeParse(toEventBody(values))
      if (parsed.success) return { values, errors: {} }
      const errors: Record<string, { type: string; message: string }> = {}
      for (const issue of parsed.error.issues)
        errors[String(issue.path[0])] ??= { type: 'validate', message: issue.message }
      return { values: {}, errors }
    },
  })
  const send = async (values: EventFormValues, base: EventFormValues, version?: number) => {
    setLeft([])
    try {
      await save(toEventBody(values), version)
      setConflict(null)
    } catch (err) {
      if (!isApiError(err)) throw err
      const current = err.code === 'conflict' ? eventView.safeParse(err.problem?.current) : null
      if (current?.success) {
        const changed = EVENT_FIELDS.filter((k) => values[k] !== base[k])
        setConflict({ current: current.data, mine: values, changed })
        return
      }
      setLeft(applyApiErrors(err, form.setError, EVENT_FIELDS))
    }
  }
  const onSubmit = form.handleSubmit((values) => send(values, formValuesOf(initial)))

  /** Save the fields the user changed again, on top of the stored version (others' changes stay). */
  const reapply = () => {
    if (!conflict) return
    const stored = formValuesOf(conflict.current)
    const mine = Object.fromEntries(conflict.changed.map((k) => [k, conflict.mine[k]]))
    void send({ ...stored, ...mine }, stored, conflict.current.version)
  }
  /** Drop the user's changes and show what is stored. */
  const reload = () => {
    if (!conflict) return
    form.reset(formValuesOf(conflict.current))
    setConflict(null)
    if (initial) void queryClient.invalidateQueries({ queryKey: queryKeys.events.detail(initial.id) })
  }
  return { form, onSubmit, left, conflict, reapply, reload }
}
