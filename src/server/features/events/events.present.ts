import type {
  EventDetail,
  EventFields,
  EventListItem,
  EventView,
  ParticipantView,
} from '../../../shared/api/events'
import { iso, presentPersonCols } from '../cases/cases.present'
import type { EventRow, EventValues, ParticipantWithPerson } from './events.queries'

export function presentEvent(e: EventRow): EventView {
  return {
    id: e.id,
    kommune: e.kommune,
    ownerUnit: e.owner_unit,
    name: e.name,
    exposureSetting: e.exposure_setting,
    location: e.location,
    address: e.address,
    eventKommune: e.event_kommune,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    organiserName: e.organiser_name,
    organiserPhone: e.organiser_phone,
    organiserEmail: e.organiser_email,
    description: e.description,
    status: e.status,
    outbreak: e.outbreak,
    outbreakDeclaredAt: iso(e.outbreak_declared_at),
    commonSource: e.common_source,
    version: e.version,
    createdAt: iso(e.created_at)!,
    updatedAt: iso(e.updated_at)!,
  }
}

export const presentEventListItem = (
  e: EventRow & { participant_count: number | null; case_count: number | null },
): EventListItem => ({
  id: e.id,
  name: e.name,
  exposureSetting: e.exposure_setting,
  location: e.location,
  startsAt: iso(e.starts_at),
  endsAt: iso(e.ends_at),
  status: e.status,
  outbreak: e.outbreak,
  commonSource: e.common_source,
  participants: e.participant_count ?? 0,
  cases: e.case_count ?? 0,
  createdAt: iso(e.created_at)!,
  version: e.version,
})

export const presentParticipant = (r: ParticipantWithPerson): ParticipantView => ({
  id: r.id,
  person: presentPersonCols(r),
  role: r.role,
  exposureAt: iso(r.exposure_at),
  notes: r.notes,
  // A case or contact that left the municipality (transfer) is not shown as a link.
  caseId: r.case_status ? r.case_id : null,
  caseStatus: r.case_status ?? null,
  contactId: r.contact_status ? r.contact_id : null,
  contactStatus: r.contact_status ?? null,
  contactCaseId: r.contact_status ? r.contact_case_id : null,
  version: r.version,
  createdAt: iso(r.created_at)!,
})

type Linked = Awaited<ReturnType<typeof import('./events.queries').linkedCases>>

export function presentEventDetail(
  e: EventRow,
  participants: ParticipantWithPerson[],
  linked: Linked,
): EventDetail {
  const views = participants.map(presentParticipant)
  const count = (role: string) => views.filter((p) => p.role === role).length
  return {
    ...presentEvent(e),
    participants: views,
    linkedCases: linked.cases.map((c) => ({
      id: c.id,
      person: presentPersonCols(c),
      testDate: c.test_date,
      status: c.status,
      via: c.source_event_id === e.id ? ('source' as const) : ('participant' as const),
    })),
    counts: {
      participants: views.length,
      cases: count('case'),
      contacts: count('contact'),
      attendees: count('attendee'),
      linkedCases: linked.cases.length,
      exposedContacts: linked.exposedContacts,
    },
  }
}

const EVENT_COLUMNS = {
  name: 'name',
  exposureSetting: 'exposure_setting',
  location: 'location',
  address: 'address',
  eventKommune: 'event_kommune',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  organiserName: 'organiser_name',
  organiserPhone: 'organiser_phone',
  organiserEmail: 'organiser_email',
  description: 'description',
  status: 'status',
} as const satisfies Record<keyof EventFields, keyof EventValues>

/** Columns for the event fields present (not undefined) in the input. */
export function toEventColumns(input: Partial<Record<keyof EventFields, unknown>>): EventValues {
  const out: Record<string, unknown> = {}
  for (const [field, col] of Object.entries(EVENT_COLUMNS)) {
    const v = input[field as keyof EventFields]
    if (v !== undefined) out[col] = v
  }
  return out as EventValues
}

/** An event row in API field names, for audit diffs and conflict answers. */
export const eventAuditView = (e: EventRow) => {
  const out: Record<string, unknown> = {}
  for (const [field, col] of Object.entries(EVENT_COLUMNS)) out[field] = e[col]
  return { ...out, outbreak: e.outbreak, commonSource: e.common_source }
}
