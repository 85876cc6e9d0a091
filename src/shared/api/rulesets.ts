import { z } from 'zod'
import { userRef } from './casework'
import { isoDate, versionField } from './codes'

/**
 * National isolation/quarantine rule sets (SPEC §4), edited by the national operator. The shape
 * follows `RuleSet` in shared/domain/measures.ts so the same validation (`ruleSetProblems`) runs
 * in the editor and on the server.
 */

const days = (what: string) =>
  z
    .number({ message: `Oppgi ${what} i hele døgn` })
    .int(`Oppgi ${what} i hele døgn`)
    .min(1, `${what} må være minst 1 døgn`)
    .max(60, `${what} kan være høyst 60 døgn`)

/** Follow-up call days counted from the start (day 0); null: the municipality's settings. */
const callDays = z
  .array(
    z
      .number()
      .int('Oppgi hele døgn')
      .min(0, 'Samtaledag må være 0 eller mer')
      .max(60, 'Samtaledag kan være høyst 60'),
  )
  .max(20, 'Høyst 20 samtaledager')
  .nullable()
  .optional()
  .transform((v) => (v?.length ? [...new Set(v)].sort((a, b) => a - b) : null))

export const quarantineRuleInput = z.object({
  days: days('Karantenetid'),
  testOutDay: z
    .number()
    .int('Oppgi et helt døgn')
    .min(1, 'Test ut-døgnet må være minst 1')
    .max(59, 'Test ut-døgnet må være før siste karantenedøgn')
    .nullable(),
  callDays: z.lazy(() => callDays),
})

export const isolationRuleInput = z.object({
  days: days('Isolasjonstid'),
  minSymptomFreeDays: z.number().int().min(1).max(14).nullable().optional(),
  callDays: z.lazy(() => callDays),
})

const ruleSetFields = z.object({
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
  source: z.string().trim().min(10, 'Oppgi kilden til reglene (minst 10 tegn)').max(4000),
  quarantine: quarantineRuleInput.nullable(),
  isolation: isolationRuleInput.nullable(),
})

/** POST /api/rulesets. */
export const ruleSetCreate = ruleSetFields.extend({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Bruk små bokstaver, siffer og bindestrek (f.eks. no-2021-09-25)'),
})
export type RuleSetCreate = z.input<typeof ruleSetCreate>

/** PUT /api/rulesets/{id}: the whole set and the version read. */
export const ruleSetUpdate = ruleSetFields.extend({ version: versionField })
export type RuleSetUpdate = z.input<typeof ruleSetUpdate>

export const ruleSetIdParam = z.object({ id: z.string().max(64) })
export const ruleSetDeleteQuery = z.object({ version: z.coerce.number().int().min(1) })

export const ruleSetView = z.object({
  id: z.string(),
  name: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  source: z.string(),
  quarantine: z
    .object({
      days: z.number().int(),
      testOutDay: z.number().int().nullable(),
      callDays: z.array(z.number().int()).nullable(),
    })
    .nullable(),
  isolation: z
    .object({
      days: z.number().int(),
      minSymptomFreeDays: z.number().int().nullable(),
      callDays: z.array(z.number().int()).nullable(),
    })
    .nullable(),
  /** Measures (in all municipalities) computed with this set: its figures are then frozen. */
  usage: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: userRef.nullable(),
})
export type RuleSetView = z.infer<typeof ruleSetView>

/** GET /api/rulesets: all sets by start date, and anything wrong with the list as a whole. */
export const ruleSetList = z.object({ items: z.array(ruleSetView), problems: z.array(z.string()) })
export type RuleSetList = z.infer<typeof ruleSetList>

export const ruleSetHistoryEntry = z.object({
  version: z.number().int(),
  change: z.enum(['create', 'update', 'delete']),
  snapshot: z.record(z.string(), z.unknown()),
  changedBy: userRef.nullable(),
  changedAt: z.string(),
})
export const ruleSetHistory = z.object({ items: z.array(ruleSetHistoryEntry) })
export type RuleSetHistory = z.infer<typeof ruleSetHistory>
