import type { EventView } from '../../../shared/api/events'
import type { ConflictRow } from '../../components/ConflictNotice'
import { formatIsoDate } from '../../components/dates'
import type { MessageKey, Translate } from '../../i18n'
import { codeLabel, EXPOSURE_SETTING_LABELS } from '../cases/labels'
import { EVENT_STATUS_LABELS } from './labels'
import { EVENT_FIELDS, type EventFormValues, formValuesOf } from './useEventForm'

/** A PATCH refused with 409 `conflict`: the event stored now, the user's form and what they changed. */
export interface EventConflict {
  current: EventView
  mine: EventFormValues
  changed: (keyof EventFormValues)[]
}

const LABELS: Record<keyof EventFormValues, MessageKey> = {
  name: 'event.name',
  exposureSetting: 'event.setting',
  location: 'event.location',
  address: 'event.address',
  eventKommune: 'event.eventKommune',
  startsAt: 'event.startsAt',
  endsAt: 'event.endsAt',
  organiserName: 'event.organiser',
  organiserPhone: 'event.organiserPhone',
  organiserEmail: 'event.organiserEmail',
  description: 'event.description',
  status: 'event.status',
}

function display(t: Translate, field: keyof EventFormValues, v: string): string {
  if (field === 'exposureSetting') return codeLabel(t, EXPOSURE_SETTING_LABELS, v)
  if (field === 'status') return codeLabel(t, EVENT_STATUS_LABELS, v)
  // datetime-local values ('2024-04-12T18:30') as dd.mm.yyyy hh:mm
  if ((field === 'startsAt' || field === 'endsAt') && v) return `${formatIsoDate(v)} ${v.slice(11, 16)}`
  return v
}

/** Rows for <ConflictNotice>: each field as the user has it next to what is stored now. */
export function eventConflictRows(t: Translate, c: EventConflict): ConflictRow[] {
  const stored = formValuesOf(c.current)
  return EVENT_FIELDS.map((field) => ({
    field,
    label: t(LABELS[field]),
    yours: display(t, field, c.mine[field]),
    stored: display(t, field, stored[field]),
    changedByYou: c.changed.includes(field),
  }))
}
