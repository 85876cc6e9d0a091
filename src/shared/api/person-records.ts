import { z } from 'zod'
import { caseListItem } from './cases'
import { contactListItem } from './contacts'

/**
 * GET /api/persons/{id}/records: the person's roles in the active municipality (SPEC §3.1 "one
 * person, any number of roles"): index cases, close-contact links and event participations.
 * Records of other municipalities are never included, also not for a linked person.
 */

export const PERSON_RECORDS_LIMIT = 100

export const personEventItem = z.object({
  /** The participation's id. */
  id: z.string(),
  eventId: z.string(),
  eventName: z.string(),
  outbreak: z.boolean(),
  startsAt: z.string().nullable(),
  role: z.enum(['case', 'contact', 'attendee']),
  exposureAt: z.string().nullable(),
})
export type PersonEventItem = z.infer<typeof personEventItem>

export const personRecords = z.object({
  cases: z.array(caseListItem),
  contacts: z.array(contactListItem),
  events: z.array(personEventItem),
  /** True when a list was cut at PERSON_RECORDS_LIMIT (newest kept). */
  truncated: z.boolean(),
})
export type PersonRecords = z.infer<typeof personRecords>
