import { z } from 'zod'
import { userRef } from './casework'
import { isoDate, pageQuery, uuid, versionField } from './codes'
import { followUpCallView } from './followups'
import { personSummary } from './persons'

/** Isolation (cases) and quarantine (contacts), SPEC §4. */

export const measureKind = z.enum(['isolation', 'quarantine'], { message: 'Velg isolasjon eller karantene' })
export type MeasureKind = z.infer<typeof measureKind>
export const measureStatus = z.enum(['planned', 'active', 'ended', 'cancelled', 'exempted'])
export type MeasureStatusValue = z.infer<typeof measureStatus>

export const reason = z
  .string({ message: 'Oppgi en begrunnelse' })
  .trim()
  .min(3, 'Oppgi en begrunnelse (minst 3 tegn)')
  .max(1000)

/**
 * POST /api/measures: start isolation for a case or quarantine for a contact. The dates come from
 * the rule set in force; `override` sets them by hand with a reason (shown and audited).
 */
export const measureCreate = z
  .object({
    kind: measureKind,
    caseId: uuid.optional(),
    contactId: uuid.optional(),
    /** Quarantine: a negative test on or after the rule set's test-out day ends it early. */
    negativeTestDate: isoDate.nullable().optional(),
    override: z
      .object({ startDate: isoDate, endDate: isoDate, reason })
      .refine((o) => o.endDate >= o.startDate, { path: ['endDate'], message: 'Sluttdato er før startdato' })
      .optional(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'isolation' && !b.caseId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'Isolasjon gjelder et indekstilfelle' })
    if (b.kind === 'quarantine' && !b.contactId)
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Karantene gjelder en nærkontakt' })
    if (b.kind === 'isolation' && b.contactId)
      ctx.addIssue({ code: 'custom', path: ['contactId'], message: 'Isolasjon gjelder et indekstilfelle' })
    if (b.kind === 'quarantine' && b.caseId)
      ctx.addIssue({ code: 'custom', path: ['caseId'], message: 'Karantene gjelder en nærkontakt' })
  })
export type MeasureCreate = z.input<typeof measureCreate>

/** GET /api/measures/preview: what starting the measure would give, without saving. */
export const measurePreviewQuery = z.object({
  kind: measureKind,
  caseId: uuid.optional(),
  contactId: uuid.optional(),
  negativeTestDate: isoDate.optional(),
})
export const measurePreview = z.object({
  ok: z.boolean(),
  ruleSet: z.object({ id: z.string(), name: z.string() }).nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  basis: z.enum(['last-exposure', 'onset', 'test']).nullable(),
  explanation: z.string(),
})
export type MeasurePreview = z.infer<typeof measurePreview>

/**
 * POST /api/measures/{id}/adjust: `override` replaces the dates, `extend`/`shorten` move the end.
 * Every adjustment needs a reason.
 */
export const measureAdjust = z
  .object({
    version: versionField,
    action: z.enum(['override', 'extend', 'shorten'], { message: 'Velg type endring' }),
    startDate: isoDate.optional(),
    endDate: isoDate,
    reason,
  })
  .refine((b) => !b.startDate || b.endDate >= b.startDate, {
    path: ['endDate'],
    message: 'Sluttdato er før startdato',
  })
export type MeasureAdjust = z.input<typeof measureAdjust>

export const measureCancel = z.object({ version: versionField, reason })
export type MeasureCancel = z.input<typeof measureCancel>

/** Exemption (e.g. recovered or vaccinated): the measure no longer applies from `from`. */
export const measureExempt = z.object({ version: versionField, reason, from: isoDate })
export type MeasureExempt = z.input<typeof measureExempt>

export const measureIdParam = z.object({ id: uuid })

export const measureEventView = z.object({
  id: z.string(),
  action: z.string(),
  fromStart: z.string().nullable(),
  toStart: z.string().nullable(),
  fromEnd: z.string().nullable(),
  toEnd: z.string().nullable(),
  reason: z.string().nullable(),
  by: userRef.nullable(),
  at: z.string(),
})

export const documentView = z.object({
  id: z.string(),
  personId: z.string(),
  measureId: z.string().nullable(),
  kind: z.enum(['isolation-notice', 'quarantine-notice']),
  language: z.enum(['nb', 'nn', 'en']),
  title: z.string(),
  filename: z.string(),
  byteSize: z.number().int(),
  createdAt: z.string(),
  createdBy: userRef.nullable(),
})
export type DocumentView = z.infer<typeof documentView>

export const measureView = z.object({
  id: z.string(),
  kind: measureKind,
  status: measureStatus,
  person: personSummary,
  caseId: z.string().nullable(),
  contactId: z.string().nullable(),
  ownerUnit: z.string(),
  ruleSet: z.object({ id: z.string(), name: z.string() }).nullable(),
  basis: z.enum(['last-exposure', 'onset', 'test']).nullable(),
  basisDate: z.string().nullable(),
  computedStart: z.string().nullable(),
  computedEnd: z.string().nullable(),
  explanation: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  actualEnd: z.string().nullable(),
  /** The dates differ from what the rules computed (override, extend, shorten). */
  adjusted: z.boolean(),
  overrideReason: z.string().nullable(),
  exemptionReason: z.string().nullable(),
  exemptFrom: z.string().nullable(),
  /** Ended early for this reason (e.g. "Ble smittet": the contact became a case). */
  endReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Flagged "ikke nådd" since then. */
  unreachedSince: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  events: z.array(measureEventView),
  calls: z.array(followUpCallView),
  documents: z.array(documentView),
})
export type MeasureView = z.infer<typeof measureView>

/** GET /api/measures: the measures of one record (current and past), newest first. */
export const measureListQuery = z
  .object({ personId: uuid.optional(), caseId: uuid.optional(), contactId: uuid.optional() })
  .refine((q) => [q.personId, q.caseId, q.contactId].filter(Boolean).length === 1, {
    message: 'Oppgi én av personId, caseId eller contactId',
    path: ['personId'],
  })
export const measureList = z.object({ items: z.array(measureView) })
export type MeasureList = z.infer<typeof measureList>

/** The three lists of SPEC §4: in isolation/quarantine today, ending today, ended. */
export const MEASURE_BOARDS = ['today', 'ending-today', 'ended'] as const
export const measureBoardName = z.enum(MEASURE_BOARDS, { message: 'Ukjent liste' })
export type MeasureBoardName = z.infer<typeof measureBoardName>
export const measureBoardParams = z.object({ list: measureBoardName })
export const measureBoardQuery = pageQuery.extend({ kind: measureKind.optional() })

export const measureBoardItem = z.object({
  id: z.string(),
  kind: measureKind,
  status: measureStatus,
  person: personSummary,
  caseId: z.string().nullable(),
  contactId: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  actualEnd: z.string().nullable(),
  unreachedSince: z.string().nullable(),
})
export type MeasureBoardItem = z.infer<typeof measureBoardItem>
export const measureBoard = z.object({
  list: measureBoardName,
  date: z.string(),
  items: z.array(measureBoardItem),
  nextCursor: z.string().nullable(),
  counts: z.object({ today: z.number().int(), 'ending-today': z.number().int(), ended: z.number().int() }),
})
export type MeasureBoard = z.infer<typeof measureBoard>

/** POST /api/measures/{id}/letters: generate the notice in this language. */
export const letterLanguage = z.enum(['nb', 'nn', 'en'], { message: 'Velg språk' })
export const letterCreate = z.object({ language: letterLanguage })
export type LetterCreate = z.input<typeof letterCreate>
export const documentIdParam = z.object({ id: uuid })

/** GET /api/outbox: the municipality's queued and sent reminders (newest first). */
export const outboxItem = z.object({
  id: z.string(),
  channel: z.enum(['sms', 'email']),
  template: z.string(),
  personId: z.string().nullable(),
  measureId: z.string().nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'cancelled']),
  sendAfter: z.string(),
  sentAt: z.string().nullable(),
  transport: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
})
export const outboxList = z.object({ items: z.array(outboxItem), transportConfigured: z.boolean() })
export type OutboxList = z.infer<typeof outboxList>

/**
 * What a conversion to a case did to the person's measures (issue 18), in the answer of
 * POST /api/contacts/{id}/convert-to-case and the event participant conversion: the quarantine
 * ended ("Ble smittet") and the isolation started, or why no isolation could be computed.
 */
export const conversionMeasures = z.object({
  quarantine: z
    .object({ id: z.string(), status: measureStatus, endDate: z.string(), endReason: z.string().nullable() })
    .nullable(),
  isolation: z
    .object({ id: z.string(), status: measureStatus, startDate: z.string(), endDate: z.string() })
    .nullable(),
  isolationProblem: z.string().nullable(),
})
export type ConversionMeasures = z.infer<typeof conversionMeasures>
