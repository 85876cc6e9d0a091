import { z } from 'zod'
import { caseListItem } from './cases'
import { userRef } from './casework'
import { pageQuery } from './codes'
import { contactListItem } from './contacts'
import { measureBoardItem, measureKind } from './measures'
import { personSummary } from './persons'

/** Worklists (SPEC §3.7) of the active municipality, keyset-paged. */

export const WORKLISTS = [
  'my-cases',
  'my-contacts',
  'unassigned-cases',
  'interviews-not-done',
  'contacts-not-notified',
  'followups-due',
  'measures-ending-today',
  'transfers-waiting',
] as const
export const worklistName = z.enum(WORKLISTS, { message: 'Ukjent arbeidsliste' })
export type WorklistName = z.infer<typeof worklistName>

export const WORKLIST_LABELS: Record<WorklistName, string> = {
  'my-cases': 'Mine tilfeller',
  'my-contacts': 'Mine nærkontakter',
  'unassigned-cases': 'Tilfeller uten saksbehandler',
  'interviews-not-done': 'Intervju ikke ferdig',
  'contacts-not-notified': 'Nærkontakter ikke varslet',
  'followups-due': 'Oppfølgingssamtaler i dag (og forfalte)',
  'measures-ending-today': 'Isolasjon/karantene som slutter i dag',
  'transfers-waiting': 'Overføringer som venter',
}

export const worklistParams = z.object({ name: worklistName })
export const worklistQuery = pageQuery

/** A planned follow-up call due today or earlier (SPEC §4 "Dagens oppfølging"), oldest first. */
export const worklistCallItem = z.object({
  id: z.string(),
  person: personSummary,
  plannedDate: z.string(),
  dayNumber: z.number().int(),
  lastDay: z.boolean(),
  /** Days past the planned date; 0 when due today. */
  overdueDays: z.number().int(),
  measureId: z.string(),
  measureKind,
  caseId: z.string().nullable(),
  contactId: z.string().nullable(),
  assignedTo: userRef.nullable(),
  version: z.number().int(),
})
export type WorklistCallItem = z.infer<typeof worklistCallItem>

/** A transfer sent to the active municipality and not yet decided (SPEC §3.6), newest first. */
export const worklistTransferItem = z.object({
  id: z.string(),
  from: z.object({ code: z.string(), name: z.string() }),
  recordType: z.enum(['case', 'contact']),
  /** From the minimum summary sent with the transfer: the receiver does not see the record yet. */
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
})
export type WorklistTransferItem = z.infer<typeof worklistTransferItem>

const pageOf = <K extends string, T extends z.ZodType>(kind: K, item: T) =>
  z.object({
    kind: z.literal(kind),
    name: worklistName,
    items: z.array(item),
    nextCursor: z.string().nullable(),
  })

export const worklistPage = z.discriminatedUnion('kind', [
  pageOf('cases', caseListItem),
  pageOf('contacts', contactListItem),
  pageOf('followups', worklistCallItem),
  pageOf('measures', measureBoardItem),
  pageOf('transfers', worklistTransferItem),
])
export type WorklistPage = z.infer<typeof worklistPage>

/** GET /api/worklists: the count of each list, for the navigation badges. */
export const worklistCounts = z.object(
  Object.fromEntries(WORKLISTS.map((n) => [n, z.number().int()])) as Record<WorklistName, z.ZodNumber>,
)
export type WorklistCounts = z.infer<typeof worklistCounts>
