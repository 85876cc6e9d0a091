import { z } from 'zod'
import { parseWeekKey } from '../domain/isoWeek'
import { REPORT_SETTINGS } from '../domain/weeklyReport'

/** An ISO week key such as 2021-W03 (week 53 only in years that have one). */
export const weekKey = z
  .string()
  .refine((k) => parseWeekKey(k) !== null, 'Ugyldig uke (bruk åååå-Wuu, for eksempel 2021-W03)')

export const weekParams = z.object({ week: weekKey })
export const unitCode = z.string().regex(/^[0-9A-Za-z-]{2,20}$/, 'Ugyldig enhetskode')
export const reportSetting = z.enum(REPORT_SETTINGS)

// ---------------------------------------------------------------- counts and cells

export const settingCounts = z.object({
  confirmed: z.number().int(),
  knownContact: z.number().int(),
  outbreak: z.number().int(),
})
/** Raw counts of one unit and week (what a submission freezes). */
export const weeklyCounts = z.object({
  cases: z.number().int(),
  probable: z.number().int(),
  confirmed: z.number().int(),
  /** New close contacts: distinct persons by last-exposure date (docs/weekly-report.md). */
  contacts: z.number().int(),
  /** Close-contact records registered in the week (workload). */
  registered: z.number().int(),
  settings: z.record(reportSetting, settingCounts),
})

/** A count as shown: '<5' where the small-numbers rule applies. */
export const cell = z.union([z.number().int(), z.literal('<5')])
/** A share (fraction, 4 decimals); null without denominator; 'suppressed' when its numerator or denominator is masked. */
export const shareCell = z.union([z.number(), z.null(), z.literal('suppressed')])

export const weeklySummary = z.object({
  cases: cell,
  probable: cell,
  confirmed: cell,
  contacts: cell,
  registered: cell,
  knownContact: cell,
  knownContactShare: shareCell,
  outbreak: cell,
  outbreakShare: shareCell,
})
export const weeklyReportView = weeklySummary.extend({
  settings: z.array(
    z.object({
      setting: reportSetting,
      confirmed: cell,
      knownContact: cell,
      knownContactShare: shareCell,
      outbreak: cell,
      outbreakShare: shareCell,
    }),
  ),
})
export type WeeklyReportViewDto = z.infer<typeof weeklyReportView>
export type WeeklySummaryDto = z.infer<typeof weeklySummary>

export const countChange = z.object({ field: z.string(), submitted: z.number(), draft: z.number() })

// ---------------------------------------------------------------- the municipality's weekly report

const unitRef = z.object({ code: z.string(), name: z.string(), kind: z.string() })

export const submissionMeta = z.object({
  version: z.number().int(),
  submittedAt: z.string(),
  submittedBy: z.string(),
  reason: z.string().nullable(),
})
export type SubmissionMeta = z.infer<typeof submissionMeta>

export const weeklyReportQuery = z.object({ unit: unitCode.optional() })

/** GET /api/reports/weekly/:week — draft (live) figures, the newest submission and what changed. */
export const weeklyReport = z.object({
  week: z.string(),
  start: z.string(),
  end: z.string(),
  kommune: z.object({ code: z.string(), name: z.string() }),
  /** The sub-unit shown (null: the whole municipality). Submission is for the whole municipality. */
  unit: unitRef.nullable(),
  units: z.array(unitRef),
  /** True once the week's Sunday has passed (Europe/Oslo): only then can it be submitted. */
  weekEnded: z.boolean(),
  draft: z.object({ counts: weeklyCounts, view: weeklyReportView }),
  submitted: submissionMeta.extend({ counts: weeklyCounts, view: weeklyReportView }).nullable(),
  /** Counts that differ between the newest submission and the draft (empty when none). */
  changes: z.array(countChange),
  versions: z.array(submissionMeta),
})
export type WeeklyReportDto = z.infer<typeof weeklyReport>

export const submitBody = z.object({
  reason: z.string().trim().max(1000, 'Begrunnelsen kan ha høyst 1000 tegn').optional(),
})

export const versionParams = weekParams.extend({ version: z.coerce.number().int().min(1) })

/** GET /api/reports/weekly/:week/versions/:version */
export const weeklyReportVersion = submissionMeta.extend({
  week: z.string(),
  unit: unitRef.nullable(),
  counts: weeklyCounts,
  view: weeklyReportView,
})

export const weekStatusQuery = z.object({ weeks: z.coerce.number().int().min(1).max(60).default(12) })
/** GET /api/reports/weekly — the last weeks with their submission status, newest first. */
export const weekStatusList = z.object({
  items: z.array(
    z.object({
      week: z.string(),
      start: z.string(),
      end: z.string(),
      weekEnded: z.boolean(),
      version: z.number().int().nullable(),
      submittedAt: z.string().nullable(),
      /** "Endret etter innsending": the draft differs from the newest submitted version. */
      changedAfterSubmission: z.boolean(),
      /** The counts that differ (empty when unchanged or not submitted). */
      changes: z.array(countChange),
    }),
  ),
})

export const exportFormat = z.enum(['csv', 'xlsx'])
export const exportQuery = z.object({
  format: exportFormat.default('csv'),
  /** A submitted version; without it, the draft. */
  version: z.coerce.number().int().min(1).optional(),
})
