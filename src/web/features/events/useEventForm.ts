import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { type EventCreate, type EventView, eventCreate } from '../../../shared/api/events'
import { type ApiFieldError, isApiError } from '../../api/client'
import { applyApiErrors, blankToNull } from '../../components/formErrors'
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
const FIELDS: (keyof EventFormValues)[] = [
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
 * before sending, server field errors (e.g. `body.endsAt`) shown on the fields.
 */
export function useEventForm(initial: EventView | undefined, save: (body: EventCreate) => Promise<unknown>) {
  const [left, setLeft] = useState<ApiFieldError[]>([])
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
  const onSubmit = form.handleSubmit(async (values) => {
    setLeft([])
    try {
      await save(toEventBody(values))
    } catch (err) {
      if (!isApiError(err)) throw err
      setLeft(applyApiErrors(err, form.setError, FIELDS))
    }
  })
  return { form, onSubmit, left }
}
