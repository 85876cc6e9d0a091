import { z } from 'zod'
import { userRef } from './casework'
import { pageQuery, uuid, versionField } from './codes'

/** "Meld feil" (SPEC §3.7): any case worker flags a registration; the Administrator resolves it. */

export const flagRecordType = z.enum(['person', 'case', 'contact', 'event'], {
  message: 'Ukjent registreringstype',
})
export const FLAG_RECORD_TYPE_LABELS: Record<z.infer<typeof flagRecordType>, string> = {
  person: 'Person',
  case: 'Indekstilfelle',
  contact: 'Nærkontakt',
  event: 'Hendelse',
}
export const flagStatus = z.enum(['open', 'resolved'])

export const flagCreate = z.object({
  recordType: flagRecordType,
  recordId: uuid,
  comment: z.string().trim().min(1, 'Beskriv hva som er feil').max(2000),
})
export type FlagCreate = z.input<typeof flagCreate>

export const flagResolveBody = z.object({
  resolution: z.string().trim().min(1, 'Beskriv hva som ble gjort').max(2000),
  version: versionField,
})
export type FlagResolveBody = z.input<typeof flagResolveBody>

export const flagIdParam = z.object({ id: uuid })

export const flagListQuery = pageQuery.extend({ status: flagStatus.optional() })

/**
 * What the flagged record is, so the queue reads without opening every record: the person's name
 * (person, case, contact) or the event's name, and its key date (person: birth date, case: test
 * date, contact: last exposure, event: start date). Null when the record is gone or no longer this municipality's.
 */
export const flagSubject = z.object({
  name: z.string(),
  personId: z.string().nullable(),
  date: z.string().nullable(),
})
export type FlagSubject = z.infer<typeof flagSubject>

export const flagView = z.object({
  id: z.string(),
  recordType: flagRecordType,
  recordId: z.string(),
  subject: flagSubject.nullable(),
  comment: z.string(),
  status: flagStatus,
  createdBy: userRef,
  createdAt: z.string(),
  resolvedBy: userRef.nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
  version: z.number().int(),
})
export type FlagView = z.infer<typeof flagView>

export const flagList = z.object({ items: z.array(flagView), nextCursor: z.string().nullable() })
export type FlagList = z.infer<typeof flagList>
