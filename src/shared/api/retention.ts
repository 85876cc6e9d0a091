import { z } from 'zod'
import { uuid } from './codes'

/**
 * Retention (SPEC §8, issue 12). Each record type is kept for `days` after its reference date,
 * then deleted (imports: their file and rows anonymised) by the nightly job, unless a legal hold
 * applies or other records still depend on it. The defaults below are documented in
 * docs/retention.md; each municipality (the data controller) can set its own period.
 */
export const retentionTypes = [
  'case',
  'contact',
  'event',
  'measure',
  'followup',
  'document',
  'outbox',
  'import',
  'person',
] as const
export const retentionType = z.enum(retentionTypes)
export type RetentionType = z.infer<typeof retentionType>

export interface RetentionDefault {
  days: number
  /** What the period counts from (shown on the Administrator's page, i18n key suffix). */
  reference: string
}

/** Default periods in days. Changing one here changes it for every municipality without its own. */
export const RETENTION_DEFAULTS: Record<RetentionType, RetentionDefault> = {
  case: { days: 365, reference: 'case-closed' },
  contact: { days: 180, reference: 'last-exposure' },
  event: { days: 365, reference: 'event-ended' },
  measure: { days: 365, reference: 'measure-ended' },
  followup: { days: 180, reference: 'call-planned' },
  document: { days: 90, reference: 'document-created' },
  outbox: { days: 30, reference: 'message-created' },
  import: { days: 90, reference: 'import-finished' },
  person: { days: 90, reference: 'person-unreferenced' },
}

export const RETENTION_MIN_DAYS = 7
export const RETENTION_MAX_DAYS = 3650
/** The audit log is kept this long and is never deleted by the retention job. */
export const AUDIT_LOG_RETENTION_YEARS = 10

export const retentionSetting = z.object({
  type: retentionType,
  days: z.number().int(),
  defaultDays: z.number().int(),
  reference: z.string(),
  /** True when the municipality has set its own period. */
  custom: z.boolean(),
  version: z.number().int(),
})
export const retentionSettings = z.object({
  settings: z.array(retentionSetting),
  minDays: z.number().int(),
  maxDays: z.number().int(),
  auditLogYears: z.number().int(),
})
export type RetentionSettings = z.infer<typeof retentionSettings>

export const retentionTypeParam = z.object({ type: retentionType })
export const retentionSettingBody = z.object({
  /** null: go back to the default. */
  days: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS).nullable(),
  version: z.number().int().min(0),
})

const holdReason = z.string().trim().min(3).max(500)

export const legalHold = z.object({
  id: z.string(),
  recordType: retentionType,
  recordId: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  releaseReason: z.string().nullable(),
})
export type LegalHold = z.infer<typeof legalHold>
export const legalHoldList = z.object({ items: z.array(legalHold) })

export const legalHoldCreate = z.object({
  recordType: retentionType,
  recordId: uuid,
  reason: holdReason,
})
export const legalHoldRelease = z.object({ reason: holdReason })
export const legalHoldIdParam = z.object({ id: uuid })

export const previewStatus = z.enum(['due', 'held', 'waiting'])
export type PreviewStatus = z.infer<typeof previewStatus>

export const previewItem = z.object({
  type: retentionType,
  id: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  referenceDate: z.string(),
  dueDate: z.string(),
  /** due: will be deleted; held: legal hold; waiting: other records still depend on it. */
  status: previewStatus,
  hold: legalHold.nullable(),
})
export type PreviewItem = z.infer<typeof previewItem>

export const previewQuery = z.object({
  days: z.coerce.number().int().min(0).max(365).default(30),
  type: retentionType.optional(),
})
export const previewResponse = z.object({
  /** Everything due on or before this date (Europe/Oslo) is listed. */
  until: z.string(),
  items: z.array(previewItem),
  counts: z.record(z.string(), z.number().int()),
  truncated: z.boolean(),
})
export type PreviewResponse = z.infer<typeof previewResponse>
