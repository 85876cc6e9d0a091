import type { z } from 'zod'
import type { submitBody, WeeklyReportDto } from '../../../shared/api/reports'
import { osloDate } from '../../../shared/domain/dates'
import { isoWeekOf, previousWeek, weekRange } from '../../../shared/domain/isoWeek'
import {
  type CountRow,
  countsFromRows,
  diffCounts,
  presentWeeklyReport,
} from '../../../shared/domain/weeklyReport'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { AppError, fieldError, notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { type Action, authorize } from '../../policy/policy'
import { reportHeaders, reportRow, toCsv, toXlsx } from './reports.export'
import {
  countsInScope,
  type Figures,
  figuresInScope,
  freezeFigures,
  presentMeta,
  presentUnit,
  readFigures,
  unitScope,
} from './reports.present'
import * as q from './reports.queries'

export const todayOslo = () => osloDate(new Date())

/** The actor's municipality for a reporting action, after the policy check (401/403). */
export function reportScope(ctx: RequestContext, action: Action) {
  authorize(ctx.actor, action)
  return { kommune: ctx.actor.kommune!, userId: ctx.actor.userId }
}

/** The sub-unit asked for, with its scope (itself and the units below), or 404 when not ours. */
export async function resolveUnit(trx: Trx, kommune: string, unit: string | undefined) {
  const units = await q.unitsOf(trx, kommune)
  if (!unit || unit === kommune) return { units, unit: null, scope: null }
  const found = units.find((u) => u.code === unit)
  if (!found) throw notFound('Enheten')
  return { units, unit: found, scope: unitScope(units, unit) }
}

/** The owning municipality's view: exact numbers, the draft next to the newest submission. */
async function loadWeeklyReport(trx: Trx, kommune: string, week: string, unitCode?: string) {
  const range = weekRange(week)
  const { units, unit, scope } = await resolveUnit(trx, kommune, unitCode)
  const rows = await q.countRows(trx, { from: range.start, to: range.end, kommune })
  const submissions = await q.listSubmissions(trx, { kommune, week })
  const draft = countsInScope(rows, scope)
  const latest = submissions[0]
  const submittedCounts = latest ? figuresInScope(readFigures(latest.figures), scope) : null
  const report: WeeklyReportDto = {
    week,
    ...range,
    kommune: { code: kommune, name: await q.kommuneName(trx, kommune) },
    unit: unit ? presentUnit(unit) : null,
    units: units.map(presentUnit),
    weekEnded: range.end < todayOslo(),
    draft: { counts: draft, view: presentWeeklyReport(draft, { mask: false }) },
    submitted:
      latest && submittedCounts
        ? {
            ...presentMeta(latest),
            counts: submittedCounts,
            view: presentWeeklyReport(submittedCounts, { mask: false }),
          }
        : null,
    changes: submittedCounts ? diffCounts(submittedCounts, draft) : [],
    versions: submissions.map(presentMeta),
  }
  return report
}

/** GET /api/reports/weekly/:week[?unit=] */
export async function getWeeklyReport(deps: AppDeps, ctx: RequestContext, week: string, unit?: string) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  // The draft is aggregates only: from the reporting database (a replica, when configured).
  return inTenant(deps.reportingDb, { kommune, userId, readOnly: true }, (trx) =>
    loadWeeklyReport(trx, kommune, week, unit),
  )
}

/**
 * POST /api/reports/weekly/:week/submit: freezes the week's counts as the next version. The first
 * submission needs no reason; a resubmission does. Only a finished week can be submitted.
 */
export async function submitWeek(
  deps: AppDeps,
  ctx: RequestContext,
  week: string,
  body: z.output<typeof submitBody>,
) {
  const { kommune, userId } = reportScope(ctx, 'report.submit')
  const range = weekRange(week)
  if (range.end >= todayOslo())
    throw new AppError(422, 'week-not-ended', 'Uken er ikke slutt ennå', {
      detail: `Uke ${week} kan sendes inn fra mandag etter ${range.end}.`,
    })
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    await q.lockWeek(trx, kommune, week)
    const previous = (await q.listSubmissions(trx, { kommune, week }))[0]
    const reason = body.reason?.trim() || null
    if (previous && !reason) throw fieldError('body.reason', 'Skriv hvorfor uken sendes inn på nytt')
    const rows = await q.countRows(trx, { from: range.start, to: range.end, kommune })
    const figures = freezeFigures(rows)
    const version = (previous?.version ?? 0) + 1
    const saved = await q.insertSubmission(trx, { kommune, week, version, figures, reason, userId })
    await audit(trx, ctx, {
      action: 'report.submit',
      recordType: 'weekly-report',
      recordId: saved.id,
      details: { week, version, reason },
    })
    return loadWeeklyReport(trx, kommune, week)
  })
}

/** GET /api/reports/weekly/:week/versions/:version[?unit=] */
export async function getVersion(
  deps: AppDeps,
  ctx: RequestContext,
  week: string,
  version: number,
  unitCode?: string,
) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const { unit, scope } = await resolveUnit(trx, kommune, unitCode)
    const found = (await q.listSubmissions(trx, { kommune, week })).find((s) => s.version === version)
    if (!found) throw notFound('Versjonen')
    const counts = figuresInScope(readFigures(found.figures), scope)
    return {
      ...presentMeta(found),
      week,
      unit: unit ? presentUnit(unit) : null,
      counts,
      view: presentWeeklyReport(counts, { mask: false }),
    }
  })
}

/**
 * GET /api/reports/weekly: the last `weeks` weeks (the current one first), their submission status
 * and whether a submitted week's figures have changed since ("endret etter innsending": e.g. by
 * back-filled or imported records, which count in their own weeks).
 */
export async function listWeeks(deps: AppDeps, ctx: RequestContext, weeks: number) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  const today = todayOslo()
  const keys = [isoWeekOf(today).key]
  while (keys.length < weeks) keys.push(previousWeek(keys[keys.length - 1]!).key)
  const submitted = await inTenant(deps.db, { kommune, userId }, (trx) =>
    q.latestSubmissions(trx, { kommune, weeks: keys }),
  )
  // The drafts of the submitted weeks, in one aggregate over their span (counts only).
  const drafts = new Map<string, CountRow[]>()
  if (submitted.length > 0) {
    // ISO dates sort as text: the earliest start and the latest end.
    const starts = submitted.map((s) => weekRange(s.week).start).sort()
    const ends = submitted.map((s) => weekRange(s.week).end).sort()
    const from = starts[0]!
    const to = ends[ends.length - 1]!
    const rows = await inTenant(deps.reportingDb, { kommune, userId, readOnly: true }, (trx) =>
      q.countRows(trx, { from, to, kommune }),
    )
    for (const r of rows) {
      const list = drafts.get(r.weekStart)
      if (list) list.push(r)
      else drafts.set(r.weekStart, [r])
    }
  }
  return {
    items: keys.map((week) => {
      const range = weekRange(week)
      const v = submitted.find((x) => x.week === week)
      const changes = v
        ? diffCounts(readFigures(v.figures).total, countsFromRows(drafts.get(range.start) ?? []))
        : []
      return {
        week,
        ...range,
        weekEnded: range.end < today,
        version: v ? Number(v.version) : null,
        submittedAt: v ? new Date(v.submitted_at as Date).toISOString() : null,
        changedAfterSubmission: changes.length > 0,
        changes,
      }
    }),
  }
}

/**
 * GET /api/reports/weekly/:week/export: the draft or a submitted version as CSV or XLSX, one row
 * for the municipality and one per sub-unit. Exports are audited.
 */
export async function exportWeeklyReport(
  deps: AppDeps,
  ctx: RequestContext,
  week: string,
  opts: { format: 'csv' | 'xlsx'; version?: number },
) {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  return inTenant(deps.db, { kommune, userId }, async (trx) => {
    const range = weekRange(week)
    const units = await q.unitsOf(trx, kommune)
    let figures: Figures
    if (opts.version) {
      const found = (await q.listSubmissions(trx, { kommune, week })).find((s) => s.version === opts.version)
      if (!found) throw notFound('Versjonen')
      figures = readFigures(found.figures)
    } else figures = freezeFigures(await q.countRows(trx, { from: range.start, to: range.end, kommune }))
    const name = await q.kommuneName(trx, kommune)
    const version = opts.version ? String(opts.version) : 'utkast'
    const fixed = (unit: string, unitName: string) => [week, kommune, name, unit, unitName, version]
    const rows = [
      reportRow(fixed(kommune, 'Hele kommunen'), presentWeeklyReport(figures.total, { mask: false }), true),
      ...units.map((u) =>
        reportRow(
          fixed(u.code, u.name),
          presentWeeklyReport(figuresInScope(figures, unitScope(units, u.code)), { mask: false }),
          true,
        ),
      ),
    ]
    const headers = reportHeaders(['Uke', 'Kommunenummer', 'Kommune', 'Enhet', 'Enhetsnavn', 'Versjon'], true)
    await audit(trx, ctx, {
      action: 'report.export',
      recordType: 'weekly-report',
      details: { week, version: opts.version ?? null, format: opts.format },
    })
    const file = `ukesrapport-${kommune}-${week}-${version}.${opts.format}`
    const body = opts.format === 'csv' ? toCsv(headers, rows) : await toXlsx(`Uke ${week}`, headers, rows)
    return { file, body }
  })
}
