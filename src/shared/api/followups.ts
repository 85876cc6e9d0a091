import { z } from 'zod'
import { userRef } from './casework'
import { isoDate, uuid, versionField } from './codes'
import { personSummary } from './persons'

/** Daily follow-up of people in isolation or quarantine (SPEC §4). */

export const testResult = z.enum(['positive', 'negative', 'pending', 'unknown'], {
  message: 'Velg testsvar fra listen',
})
export type TestResult = z.infer<typeof testResult>

export const needsView = z.object({
  food: z.boolean(),
  medicine: z.boolean(),
  practical: z.boolean(),
  other: z.boolean(),
})

export const followUpCallView = z.object({
  id: z.string(),
  measureId: z.string(),
  personId: z.string(),
  plannedDate: z.string(),
  dayNumber: z.number().int(),
  lastDay: z.boolean(),
  assignedTo: userRef.nullable(),
  /** not_reached: made without reaching the person; cancelled: no longer wanted (kept). */
  status: z.enum(['planned', 'done', 'not_reached', 'cancelled']),
  /** Planned for a day that had passed already ("etterregistrert"). */
  late: z.boolean(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: userRef.nullable(),
  reached: z.boolean().nullable(),
  symptoms: z.boolean().nullable(),
  symptomNotes: z.string().nullable(),
  onsetDate: z.string().nullable(),
  tested: z.boolean().nullable(),
  testDate: z.string().nullable(),
  testResult: testResult.nullable(),
  needs: needsView,
  remarks: z.string().nullable(),
  version: z.number().int(),
})
export type FollowUpCallView = z.infer<typeof followUpCallView>

/** GET /api/followups/today: due today and overdue. `assignedTo` is a user id, 'me' or 'none'. */
export const followUpTodayQuery = z.object({
  assignedTo: z.union([z.literal('me'), z.literal('none'), uuid]).optional(),
  /** Owner sub-unit (bydel or the municipality's own unit) of the measure. */
  subunit: z
    .string()
    .regex(/^\d{4}(\d{2}|-[a-z0-9-]+)?$/, 'Ugyldig enhet')
    .optional(),
  /** Only people whose latest call reported a help need (any, or this one). */
  needs: z
    .enum(['any', 'food', 'medicine', 'practical', 'other'], { message: 'Velg behov fra listen' })
    .optional(),
  /** Only people whose latest call reported symptoms. */
  symptoms: z.enum(['true'], { message: 'Bruk true' }).optional(),
})
export type FollowUpTodayQuery = z.input<typeof followUpTodayQuery>

export const followUpTodayItem = followUpCallView.extend({
  person: personSummary,
  measure: z.object({
    id: z.string(),
    kind: z.enum(['isolation', 'quarantine']),
    startDate: z.string(),
    endDate: z.string(),
    caseId: z.string().nullable(),
    contactId: z.string().nullable(),
    ownerUnit: z.string(),
    unreachedSince: z.string().nullable(),
  }),
  /** Days past the planned date (0: due today). */
  overdueDays: z.number().int(),
  /** What the person said on the latest call made for this measure (help needs, symptoms). */
  lastReport: z.object({ at: z.string(), needs: needsView, symptoms: z.boolean().nullable() }).nullable(),
})
export type FollowUpTodayItem = z.infer<typeof followUpTodayItem>

export const followUpToday = z.object({
  date: z.string(),
  items: z.array(followUpTodayItem),
  /** Users who can take calls in this municipality (filter and assignment). */
  tracers: z.array(userRef),
  subunits: z.array(z.object({ code: z.string(), name: z.string() })),
})
export type FollowUpToday = z.infer<typeof followUpToday>

/**
 * POST /api/followups/assign: `manual` gives every call to the one tracer; `round-robin` deals
 * them out in order across the tracers; `unassign` clears the assignee.
 */
export const followUpAssignBody = z
  .object({
    callIds: z.array(uuid).min(1, 'Velg minst én samtale').max(500),
    mode: z.enum(['manual', 'round-robin', 'unassign'], { message: 'Velg fordeling' }),
    tracerIds: z.array(uuid).max(100).default([]),
  })
  .superRefine((b, ctx) => {
    if (b.mode === 'manual' && b.tracerIds.length !== 1)
      ctx.addIssue({ code: 'custom', path: ['tracerIds'], message: 'Velg én smittesporer' })
    if (b.mode === 'round-robin' && b.tracerIds.length < 1)
      ctx.addIssue({ code: 'custom', path: ['tracerIds'], message: 'Velg minst én smittesporer' })
  })
export type FollowUpAssignBody = z.input<typeof followUpAssignBody>
export const followUpAssignResult = z.object({
  items: z.array(z.object({ id: z.string(), assignedTo: userRef.nullable() })),
})

const remark = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))

/** POST /api/followups/{id}/record: the call was made (reached or not). */
export const followUpRecordBody = z
  .object({
    version: versionField,
    reached: z.boolean({ message: 'Velg om personen ble nådd' }),
    symptoms: z.boolean().nullable().optional(),
    symptomNotes: remark,
    onsetDate: isoDate.nullable().optional(),
    tested: z.boolean().nullable().optional(),
    testDate: isoDate.nullable().optional(),
    testResult: testResult.nullable().optional(),
    needs: needsView.partial().optional(),
    remarks: remark,
  })
  .superRefine((b, ctx) => {
    if (b.onsetDate && b.symptoms !== true)
      ctx.addIssue({
        code: 'custom',
        path: ['onsetDate'],
        message: 'Symptomstart krever at personen har symptomer',
      })
    if ((b.testResult || b.testDate) && b.tested !== true)
      ctx.addIssue({ code: 'custom', path: ['testResult'], message: 'Testsvar krever at personen er testet' })
    if (!b.reached && (b.symptoms != null || b.tested != null))
      ctx.addIssue({
        code: 'custom',
        path: ['reached'],
        message: 'Symptomer og test kan bare registreres når personen ble nådd',
      })
  })
export type FollowUpRecordBody = z.input<typeof followUpRecordBody>

export const followUpRecordResult = z.object({
  call: followUpCallView,
  measure: z.object({
    id: z.string(),
    kind: z.enum(['isolation', 'quarantine']),
    unreachedSince: z.string().nullable(),
    consecutiveUnreached: z.number().int(),
  }),
  /**
   * A contact in quarantine reported symptoms or a positive test: the page offers the contact →
   * case conversion (POST /api/contacts/{id}/convert-to-case), then isolation.
   */
  suggestCaseConversion: z.boolean(),
  contactId: z.string().nullable(),
})
export type FollowUpRecordResult = z.infer<typeof followUpRecordResult>

export const followUpSettings = z.object({
  scheduleDays: z
    .array(z.number().int().min(0, 'Dag må være 0 eller mer').max(60, 'Dag kan være høyst 60'))
    .max(30),
  includeLastDay: z.boolean(),
  unreachedLimit: z.number().int().min(1, 'Må være minst 1').max(20, 'Kan være høyst 20'),
  /** Days before the end a reminder is queued; null: no reminders. */
  reminderDaysBefore: z.number().int().min(0).max(14).nullable(),
})
export const followUpSettingsView = followUpSettings.extend({ version: z.number().int() })
export type FollowUpSettingsView = z.infer<typeof followUpSettingsView>
/** PUT /api/followups/settings (Administrator). Version 0: the defaults were never saved. */
export const followUpSettingsUpdate = followUpSettings.extend({ version: z.number().int().min(0) })
export type FollowUpSettingsUpdate = z.input<typeof followUpSettingsUpdate>

/**
 * GET /api/followups/symptoms ("Symptomer meldt"): people in quarantine who reported symptoms or a
 * positive test on a call and are not yet cases; "registrer som sak" converts the contact with
 * the call as `fromCallId`.
 */
export const symptomsReportedItem = followUpCallView.extend({
  person: personSummary,
  contactId: z.string(),
  contactVersion: z.number().int(),
  measure: z.object({ id: z.string(), startDate: z.string(), endDate: z.string() }),
})
export type SymptomsReportedItem = z.infer<typeof symptomsReportedItem>
export const symptomsReported = z.object({ items: z.array(symptomsReportedItem) })
export type SymptomsReported = z.infer<typeof symptomsReported>

/**
 * POST /api/followups/close-late: the measure's late calls ("etterregistrert", planned for days
 * already past and not made) are closed in one action: cancelled with the reason, kept.
 */
export const closeLateBody = z.object({
  measureId: uuid,
  reason: z.string().trim().min(3, 'Oppgi en begrunnelse (minst 3 tegn)').max(500),
})
export type CloseLateBody = z.input<typeof closeLateBody>
export const closeLateResult = z.object({ closed: z.number().int() })
