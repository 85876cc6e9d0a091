import { z } from 'zod'
import { REPORT_MEASURES } from '../domain/reportTable'
import { isoDate } from './codes'
import { reportSetting, unitCode } from './reports'

const unitRef = z.object({ code: z.string(), name: z.string(), kind: z.string() })

/** Longest period a dashboard or saved report covers. */
export const MAX_PERIOD_DAYS = 400

const dayCount = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

/** GET /api/dashboards/kommune — period (default: the last 8 full and the current week), sub-unit. */
export const dashboardQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    unit: unitCode.optional(),
    dateBasis: z.enum(['test', 'onset']).default('test'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Fra-dato må være før til-dato',
    path: ['to'],
  })
  .refine((q) => !q.from || !q.to || dayCount(q.from, q.to) <= MAX_PERIOD_DAYS, {
    message: `Perioden kan være høyst ${MAX_PERIOD_DAYS} dager`,
    path: ['from'],
  })
export type DashboardQuery = z.input<typeof dashboardQuery>

export const dashboard = z.object({
  from: z.string(),
  to: z.string(),
  dateBasis: z.enum(['test', 'onset']),
  unit: unitRef.nullable(),
  units: z.array(unitRef),
  /** Cases per day (by test date, else registration date; or by symptom onset). */
  epiCurve: z.array(z.object({ date: z.string(), cases: z.number().int() })),
  weekly: z.array(
    z.object({
      week: z.string(),
      start: z.string(),
      cases: z.number().int(),
      confirmed: z.number().int(),
      contacts: z.number().int(),
      knownContact: z.number().int(),
      /** Share of the week's confirmed cases who were already known contacts (null: no cases). */
      knownContactShare: z.number().nullable(),
      outbreak: z.number().int(),
    }),
  ),
  totals: z.object({
    cases: z.number().int(),
    confirmed: z.number().int(),
    contacts: z.number().int(),
    knownContact: z.number().int(),
    knownContactShare: z.number().nullable(),
    outbreak: z.number().int(),
  }),
  contactsPerCase: z.object({
    cases: z.number().int(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
  }),
  today: z.object({ date: z.string(), isolation: z.number().int(), quarantine: z.number().int() }),
  settings: z.array(
    z.object({
      setting: reportSetting,
      confirmed: z.number().int(),
      knownContact: z.number().int(),
      outbreak: z.number().int(),
    }),
  ),
  outbreaks: z.object({
    active: z.number().int(),
    /** Names only for users who may see case work (null for the Report user). */
    items: z
      .array(z.object({ id: z.string(), name: z.string(), setting: z.string(), cases: z.number().int() }))
      .nullable(),
  }),
  followUps: z.object({ due: z.number().int(), overdue: z.number().int() }),
  /** Whether numbers link to the lists behind them (the user may see personal data). */
  canOpenLists: z.boolean(),
})
export type DashboardDto = z.infer<typeof dashboard>

// ---------------------------------------------------------------- saved reports (faste rapporter)

export const reportMeasure = z.enum(REPORT_MEASURES)
export const savedReportDefinition = z.object({
  period: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('relative'), weeks: z.number().int().min(1).max(52) }),
    z
      .object({ kind: z.literal('fixed'), from: isoDate, to: isoDate })
      .refine((p) => p.from <= p.to, { message: 'Fra-dato må være før til-dato', path: ['to'] })
      .refine((p) => dayCount(p.from, p.to) <= MAX_PERIOD_DAYS, {
        message: `Perioden kan være høyst ${MAX_PERIOD_DAYS} dager`,
        path: ['from'],
      }),
  ]),
  unit: unitCode.nullable(),
  measures: z.array(reportMeasure).min(1, 'Velg minst ett mål').max(REPORT_MEASURES.length),
  breakdown: z.enum(['week', 'setting', 'unit']),
})
export type SavedReportDefinition = z.infer<typeof savedReportDefinition>

export const savedReportBody = z.object({
  name: z.string().trim().min(1, 'Skriv et navn').max(100, 'Navnet kan ha høyst 100 tegn'),
  definition: savedReportDefinition,
})
export const savedReportUpdate = savedReportBody.extend({ version: z.number().int().min(1) })

export const savedReport = z.object({
  id: z.string(),
  name: z.string(),
  definition: savedReportDefinition,
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type SavedReportDto = z.infer<typeof savedReport>
export const savedReportList = z.object({ items: z.array(savedReport) })
export const savedReportParams = z.object({ id: z.string().uuid('Ugyldig id') })

/** GET /api/reports/saved/:id/table — the saved selection run now. */
export const reportTable = z.object({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  breakdown: z.enum(['week', 'setting', 'unit']),
  measures: z.array(reportMeasure),
  rows: z.array(z.object({ key: z.string(), label: z.string(), values: z.array(z.number().nullable()) })),
})
export type ReportTableDto = z.infer<typeof reportTable>
