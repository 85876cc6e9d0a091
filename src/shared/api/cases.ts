import { z } from 'zod'
import { infectiousPeriodView, userRef, warning } from './casework'
import { exposureSetting, isoDate, pageQuery, uuid, versionField } from './codes'
import { contactListItem } from './contacts'
import { fregApplyBody } from './freg'
import { conversionMeasures } from './measures'
import { ownerUnitCode } from './ownership'
import { personRef, personSummary } from './persons'

/** Index cases (SPEC §3.2). Field names follow the database columns in camelCase. */

export const testType = z.enum(['pcr', 'antigen', 'self'], { message: 'Velg testtype fra listen' })
export const TEST_TYPE_LABELS: Record<z.infer<typeof testType>, string> = {
  pcr: 'PCR',
  antigen: 'Antigen (hurtigtest tatt av helsepersonell)',
  self: 'Selvtest',
}
export const infectionSource = z.enum(['contact', 'event', 'travel', 'unknown'], {
  message: 'Velg smittekilde fra listen',
})
export const INFECTION_SOURCE_LABELS: Record<z.infer<typeof infectionSource>, string> = {
  contact: 'Kjent nærkontakt',
  event: 'Hendelse / utbrudd',
  travel: 'Reise',
  unknown: 'Ukjent',
}
export const caseOutcome = z.enum(['recovered', 'dead', 'unknown'], { message: 'Velg utfall fra listen' })
export const interviewStatus = z.enum(['not_started', 'in_progress', 'done'], {
  message: 'Velg intervjustatus fra listen',
})
export const INTERVIEW_STATUS_LABELS: Record<z.infer<typeof interviewStatus>, string> = {
  not_started: 'Ikke startet',
  in_progress: 'Pågår',
  done: 'Ferdig',
}
export const caseStatus = z.enum(['open', 'closed'])

/** Optional text that keeps `undefined` (not sent) apart from `null`/'' (cleared) for PATCH. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v))
const date = isoDate.nullable().optional()

/** Everything a tracer can write on a case. All optional: PATCH sends only what changed. */
export const caseFields = z.object({
  probable: z.boolean().optional(),
  testDate: date,
  testType: testType.nullable().optional(),
  resultDate: date,
  symptomatic: z.boolean().nullable().optional(),
  onsetDate: date,
  symptoms: text(2000),
  likelyInfectionDate: date,
  infectionSource: infectionSource.nullable().optional(),
  exposureSetting: exposureSetting.nullable().optional(),
  travelHistory: text(2000),
  hospitalised: z.boolean().optional(),
  outcome: caseOutcome.nullable().optional(),
  vaccinationStatus: text(500),
  vaccinationDate: date,
  interviewStatus: interviewStatus.optional(),
  notes: text(4000),
  isolationEnd: date,
})
export type CaseFields = z.input<typeof caseFields>

/** POST /api/cases: the person (existing or new, SPEC §3.1) and the case fields. */
export const caseCreate = caseFields.extend({
  person: personRef,
  assignedTo: uuid.nullable().optional(),
  /** The owning unit (kommune or one of its bydeler/sub-units); default: the user's default unit. */
  ownerUnit: ownerUnitCode.optional(),
  /**
   * The tracer filled the new person from Folkeregisteret: the lookup's signed receipt and the
   * fields left as FREG gave them. Saved with FREG as their source (freg_fetched_at), as freg-apply
   * does; ignored when the person already existed.
   */
  freg: fregApplyBody.omit({ version: true }).optional(),
})
export type CaseCreate = z.input<typeof caseCreate>

/** PATCH /api/cases/{id}: changed fields and the version the client read. */
export const casePatch = caseFields.extend({ version: versionField })
export type CasePatch = z.input<typeof casePatch>

export const caseIdParam = z.object({ id: uuid })

/** PUT /api/cases/{id}/assignee: a user with a role in this kommune, or null to unassign. */
export const caseAssigneeBody = z.object({ userId: uuid.nullable(), version: versionField })
export const caseCloseBody = z.object({ version: versionField, outcome: caseOutcome.nullable().optional() })
export const caseReopenBody = z.object({ version: versionField })

/** A case as stored (no personal data besides the person summary, never an address). */
export const caseView = z.object({
  id: z.string(),
  kommune: z.string(),
  ownerUnit: z.string(),
  person: personSummary,
  probable: z.boolean(),
  testDate: z.string().nullable(),
  testType: testType.nullable(),
  resultDate: z.string().nullable(),
  symptomatic: z.boolean().nullable(),
  onsetDate: z.string().nullable(),
  symptoms: z.string().nullable(),
  likelyInfectionDate: z.string().nullable(),
  infectionSource: infectionSource.nullable(),
  exposureSetting: z.string().nullable(),
  travelHistory: z.string().nullable(),
  hospitalised: z.boolean(),
  outcome: caseOutcome.nullable(),
  vaccinationStatus: z.string().nullable(),
  vaccinationDate: z.string().nullable(),
  interviewStatus: interviewStatus,
  assignedTo: userRef.nullable(),
  notes: z.string().nullable(),
  status: caseStatus,
  closedAt: z.string().nullable(),
  /** The close-contact record this case came from (contact → case conversion). */
  sourceContactId: z.string().nullable(),
  sourceEventId: z.string().nullable(),
  isolationEnd: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CaseView = z.infer<typeof caseView>

/** GET /api/cases/{id}: the case, its computed infectious period, warnings and its contacts. */
export const caseDetail = caseView.extend({
  infectiousPeriod: infectiousPeriodView.nullable(),
  warnings: z.array(warning),
  contacts: z.array(contactListItem),
})
export type CaseDetail = z.infer<typeof caseDetail>

/** What a write answers: the saved case and the person-creation outcome. */
export const caseWriteResult = caseDetail.extend({ personCreated: z.boolean() })

/** POST /api/contacts/{id}/convert-to-case: the new case and what it did to the measures (issue 18). */
export const convertToCaseResult = caseWriteResult.extend({ measures: conversionMeasures })
export type ConvertToCaseResult = z.infer<typeof convertToCaseResult>

export const CASE_SORTS = ['-createdAt', 'createdAt', '-testDate', 'testDate'] as const
export const caseSort = z.enum(CASE_SORTS)

/**
 * GET /api/cases. `assignedTo` is a user id, 'me' or 'none'. `q` matches a name (all words), an
 * exact 11-digit national id or a phone number.
 */
export const caseListQuery = pageQuery.extend({
  status: caseStatus.optional(),
  /** Owner unit: the unit and the units below it. */
  unit: ownerUnitCode.optional(),
  assignedTo: z.union([z.literal('me'), z.literal('none'), uuid]).optional(),
  interviewStatus: interviewStatus.optional(),
  testDateFrom: isoDate.optional(),
  testDateTo: isoDate.optional(),
  exposureSetting: exposureSetting.optional(),
  sort: caseSort.default('-createdAt'),
  q: z.string().trim().max(100).optional(),
})
export type CaseListQuery = z.input<typeof caseListQuery>

/** One row of a case list or worklist: never an address. */
export const caseListItem = z.object({
  id: z.string(),
  person: personSummary,
  status: caseStatus,
  probable: z.boolean(),
  testDate: z.string().nullable(),
  onsetDate: z.string().nullable(),
  interviewStatus: interviewStatus,
  exposureSetting: z.string().nullable(),
  assignedTo: userRef.nullable(),
  contactCount: z.number().int(),
  createdAt: z.string(),
  version: z.number().int(),
})
export type CaseListItem = z.infer<typeof caseListItem>

export const caseList = z.object({ items: z.array(caseListItem), nextCursor: z.string().nullable() })
export type CaseList = z.infer<typeof caseList>

/** A person at the case person's address who is not yet a contact (household suggestion). */
export const householdSuggestions = z.object({ items: z.array(personSummary) })
