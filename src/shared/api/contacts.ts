import { z } from 'zod'
import { infectiousPeriodView, userRef, warning } from './casework'
import { exposureSetting, exposureType, isoDate, relation, uuid, versionField } from './codes'
import { ownerUnitCode } from './ownership'
import { personRef, personSummary } from './persons'

/** Close contacts (SPEC §3.3). */

export const contactStatus = z.enum(['active', 'finished', 'became_case', 'not_contact'], {
  message: 'Velg status fra listen',
})
export const CONTACT_STATUS_LABELS: Record<z.infer<typeof contactStatus>, string> = {
  active: 'Aktiv',
  finished: 'Avsluttet',
  became_case: 'Ble smittet (indekstilfelle)',
  not_contact: 'Ikke nærkontakt',
}
/** Statuses a tracer sets by hand; 'became_case' comes only from the conversion. */
export const manualContactStatus = z.enum(['active', 'finished', 'not_contact'], {
  message: 'Velg aktiv, avsluttet eller ikke nærkontakt',
})

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))

/** The exposure fields of a contact link. All optional: PATCH sends only what changed. */
export const contactFields = z.object({
  relation: relation.nullable().optional(),
  exposureSetting: exposureSetting.nullable().optional(),
  exposureTypes: z.array(exposureType).max(4).optional(),
  lastExposure: isoDate.nullable().optional(),
  household: z.boolean().optional(),
  symptoms: text(2000),
  notes: text(4000),
})
export type ContactFields = z.input<typeof contactFields>

/** One contact: the person (existing or new) and the exposure. Also one row of the line-listing grid. */
export const contactCreate = contactFields.extend({
  person: personRef,
  /** The owning unit; default: the user's default unit (else the municipality). */
  ownerUnit: ownerUnitCode.optional(),
})
export type ContactCreate = z.input<typeof contactCreate>

/**
 * POST /api/cases/{id}/contacts/batch: the line-listing grid, saved all-or-nothing. Errors name
 * the row: `body.rows.3.lastExposure`; possible duplicates come per row in `duplicates`.
 */
export const contactBatch = z.object({ rows: z.array(contactCreate).min(1).max(100) })
export type ContactBatch = z.input<typeof contactBatch>

export const contactPatch = contactFields.extend({
  status: manualContactStatus.optional(),
  version: versionField,
})
export type ContactPatch = z.input<typeof contactPatch>

/** POST /api/contacts/{id}/notified: date the contact was told (null clears it); by = the actor. */
export const contactNotifiedBody = z.object({ notifiedAt: isoDate.nullable(), version: versionField })

/** PUT /api/contacts/{id}/assignee: a user with a role in this kommune, or null to unassign. */
export const contactAssigneeBody = z.object({ userId: uuid.nullable(), version: versionField })

export const contactIdParam = z.object({ id: uuid })

/** A contact as shown in the case view, lists and worklists. */
export const contactListItem = z.object({
  id: z.string(),
  caseId: z.string().nullable(),
  person: personSummary,
  relation: relation.nullable(),
  exposureSetting: z.string().nullable(),
  exposureTypes: z.array(z.string()),
  lastExposure: z.string().nullable(),
  household: z.boolean(),
  notifiedAt: z.string().nullable(),
  status: contactStatus,
  becameCaseId: z.string().nullable(),
  /** The tracer who follows the contact up. */
  assignedTo: userRef.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** Last exposure outside the case's infectious period, etc. */
  warnings: z.array(warning),
})
export type ContactListItem = z.infer<typeof contactListItem>

/** GET /api/contacts/{id}. */
export const contactDetail = contactListItem.extend({
  kommune: z.string(),
  eventId: z.string().nullable(),
  notifiedBy: userRef.nullable(),
  symptoms: z.string().nullable(),
  notes: z.string().nullable(),
  updatedAt: z.string(),
  /** The index case this contact was exposed to. */
  indexCase: z
    .object({
      id: z.string(),
      person: personSummary,
      testDate: z.string().nullable(),
      onsetDate: z.string().nullable(),
      infectiousPeriod: infectiousPeriodView.nullable(),
    })
    .nullable(),
})
export type ContactDetail = z.infer<typeof contactDetail>

/** Answer to a single or batch contact save, one entry per row in row order. */
export const contactSaveResult = z.object({
  row: z.number().int(),
  contactId: z.string(),
  personId: z.string(),
  /** false when the person already was a contact of this case (or an earlier row) and the link was updated. */
  created: z.boolean(),
  personCreated: z.boolean(),
  warnings: z.array(warning),
})
export const contactBatchResult = z.object({ items: z.array(contactSaveResult) })
export type ContactBatchResult = z.infer<typeof contactBatchResult>

/** Per-row duplicate candidates in a 409/400 answer to a batch save. */
export const rowDuplicates = z.object({ row: z.number().int(), candidates: z.array(z.unknown()) })

/**
 * POST /api/contacts/{id}/convert-to-case: the new case's test facts. The case records the
 * contact it came from (infection source 'contact').
 */
export const convertToCaseBody = z.object({
  testDate: isoDate,
  testType: z.enum(['pcr', 'antigen', 'self'], { message: 'Velg testtype fra listen' }).nullable().optional(),
  resultDate: isoDate.nullable().optional(),
  symptomatic: z.boolean().nullable().optional(),
  onsetDate: isoDate.nullable().optional(),
  symptoms: text(2000),
  exposureSetting: exposureSetting.nullable().optional(),
  notes: text(4000),
  /**
   * The follow-up call where the person reported symptoms ("registrer som sak"): its symptom
   * notes and remarks are carried into the new case.
   */
  fromCallId: uuid.optional(),
  /** The contact's version as read, so a stale page cannot convert. */
  version: versionField,
})
export type ConvertToCaseBody = z.input<typeof convertToCaseBody>
