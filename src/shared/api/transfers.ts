import { z } from 'zod'
import { pageQuery, uuid, versionField } from './codes'

/** Transfers of a case's or contact's follow-up to another municipality (SPEC §3.6). */

export const transferStatus = z.enum(['pending', 'accepted', 'rejected', 'cancelled'])
export type TransferStatus = z.infer<typeof transferStatus>
export const transferRecordType = z.enum(['case', 'contact'], { message: 'Velg tilfelle eller nærkontakt' })

export const transferCreate = z.object({
  recordType: transferRecordType,
  recordId: uuid,
  toKommune: z.string().regex(/^\d{4}$/, 'Velg en kommune'),
  message: z.string().trim().min(1, 'Skriv en melding til kommunen').max(2000),
})
export type TransferCreate = z.input<typeof transferCreate>

/** The minimum the receiver needs before accepting, copied when the transfer is sent. */
export const transferSummary = z.object({
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  /** Case: test date; contact: null. */
  testDate: z.string().nullable(),
  /** Case: symptom onset; contact: null. */
  onsetDate: z.string().nullable(),
  /** Contact: date of last exposure; case: null. */
  exposureDate: z.string().nullable(),
})
export type TransferSummary = z.infer<typeof transferSummary>

const kommuneRef = z.object({ code: z.string(), name: z.string() })

export const transferView = z.object({
  id: z.string(),
  /** 'in': sent to the active municipality (its inbox); 'out': sent by it. */
  direction: z.enum(['in', 'out']),
  from: kommuneRef,
  to: kommuneRef,
  recordType: transferRecordType,
  /** The record's id: for the sender always, for the receiver once accepted. */
  recordId: z.string().nullable(),
  status: transferStatus,
  message: z.string().nullable(),
  summary: transferSummary,
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
  version: z.number().int(),
})
export type TransferView = z.infer<typeof transferView>

export const transferListQuery = pageQuery.extend({
  box: z.enum(['inbox', 'sent'], { message: 'Velg innboks eller sendt' }),
  status: transferStatus.optional(),
})
export type TransferListQuery = z.input<typeof transferListQuery>
export const transferList = z.object({ items: z.array(transferView), nextCursor: z.string().nullable() })
export type TransferList = z.infer<typeof transferList>

/** GET /api/transfers/counts: pending transfers waiting in the inbox and sent ones not yet decided. */
export const transferCounts = z.object({ inbox: z.number().int(), sent: z.number().int() })
export type TransferCounts = z.infer<typeof transferCounts>

export const transferIdParam = z.object({ id: uuid })
export const transferVersionBody = z.object({ version: versionField })
export const transferRejectBody = z.object({
  reason: z.string().trim().min(3, 'Skriv hvorfor overføringen avvises').max(1000),
  version: versionField,
})
export type TransferRejectBody = z.input<typeof transferRejectBody>
