import { z } from 'zod'
import { countChange, exportFormat, weekKey, weeklyCounts, weeklyReportView, weeklySummary } from './reports'

/**
 * GET /api/fhi/weekly/:week — the national overview. `submitted` figures add up the newest
 * submitted version of each municipality; `live` figures are computed from the registrations now
 * (also for municipalities that have not submitted). FHI sees exact numbers; the operator sees
 * the small-numbers rule applied (`masked`).
 */
export const nationalWeekly = z.object({
  week: z.string(),
  start: z.string(),
  end: z.string(),
  masked: z.boolean(),
  /** When the live figures were computed (they are cached for a few minutes). */
  liveComputedAt: z.string(),
  kommuneCount: z.number().int(),
  submittedCount: z.number().int(),
  /** Municipalities whose newest submission differs from their figures now. */
  changedCount: z.number().int(),
  national: z.object({ submitted: weeklyReportView, live: weeklyReportView }),
  counties: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kommuneCount: z.number().int(),
      submittedCount: z.number().int(),
      submitted: weeklyReportView,
      live: weeklyReportView,
    }),
  ),
  municipalities: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      fylke: z.string(),
      active: z.boolean(),
      version: z.number().int().nullable(),
      submittedAt: z.string().nullable(),
      submitted: weeklySummary.nullable(),
      live: weeklySummary,
      /** "Endret etter innsending": the figures now differ from the newest submitted version. */
      changedAfterSubmission: z.boolean(),
      /** The differing counts (exact, FHI only; empty in the masked view). */
      changes: z.array(countChange),
    }),
  ),
})
export type NationalWeeklyDto = z.infer<typeof nationalWeekly>

export const kommuneVersionsParams = z.object({
  week: weekKey,
  kommune: z.string().regex(/^\d{4}$/, 'Ugyldig kommunenummer'),
})
/** GET /api/fhi/weekly/:week/kommuner/:kommune — every submitted version of a municipality's week. */
export const kommuneVersions = z.object({
  week: z.string(),
  kommune: z.string(),
  kommuneName: z.string(),
  masked: z.boolean(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      submittedAt: z.string(),
      reason: z.string().nullable(),
      counts: weeklyCounts.nullable(),
      report: weeklyReportView,
    }),
  ),
})

export const nationalExportQuery = z.object({ format: exportFormat.default('csv') })

/** The machine API: GET /api/fhi/weekly-reports?week=2021-W03[&kommune=0301]. */
export const machineQuery = z.object({
  week: weekKey,
  kommune: z
    .string()
    .regex(/^\d{4}$/, 'Ugyldig kommunenummer')
    .optional(),
})
export const machineReports = z.object({
  week: z.string(),
  start: z.string(),
  end: z.string(),
  /** Municipalities that have submitted, with their newest version. */
  reports: z.array(
    z.object({
      kommune: z.string(),
      kommuneName: z.string(),
      fylke: z.string(),
      version: z.number().int(),
      submittedAt: z.string(),
      reason: z.string().nullable(),
      counts: weeklyCounts,
      report: weeklyReportView,
    }),
  ),
})

// ---------------------------------------------------------------- API clients (operator)

export const apiClient = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
})
export const apiClientList = z.object({ items: z.array(apiClient) })
export const apiClientCreate = z.object({
  name: z.string().trim().min(1, 'Skriv et navn').max(100, 'Navnet kan ha høyst 100 tegn'),
  clientId: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{3,64}$/, 'Bruk 3–64 små bokstaver (a–z), sifre eller bindestrek')
    .optional(),
})
/** The secret is shown once, here; only its hash is stored. */
export const apiClientCreated = z.object({ client: apiClient, secret: z.string() })
export const apiClientParams = z.object({ id: z.string().uuid('Ugyldig id') })
