import type { NationalWeeklyDto } from '../../../shared/api/fhi'
import { weekRange } from '../../../shared/domain/isoWeek'
import {
  addCounts,
  type CountChange,
  type CountRow,
  countsFromRows,
  diffCounts,
  emptyCounts,
  presentSummary,
  presentWeeklyReport,
  type WeeklyCounts,
} from '../../../shared/domain/weeklyReport'
import { audit } from '../../audit/audit'
import type { RequestContext } from '../../auth/actor'
import { inTenant, type Trx } from '../../db/tenant'
import { notFound } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { authorize } from '../../policy/policy'
import { reportHeaders, reportRow } from '../reports/reports.export'
import { readFigures } from '../reports/reports.present'
import { countRows } from '../reports/reports.queries'
import { authenticateClient, SCOPE_WEEKLY_REPORTS } from './api-clients'
import * as q from './fhi.queries'

interface KommuneFigures {
  code: string
  name: string
  fylke: string
  active: boolean
  live: WeeklyCounts
  submitted: { version: number; submittedAt: string; reason: string | null; counts: WeeklyCounts } | null
  /** Differences between the newest submission and the live counts. */
  changes: CountChange[]
}

/** Live and submitted counts of every municipality for a week (national transaction, no tenant). */
async function loadNational(trx: Trx, week: string) {
  const range = weekRange(week)
  const live = await liveRows(trx, week, range)
  const rows = live.rows
  const [submitted, kommuner, fylker] = [
    await q.submittedReports(trx, week),
    await q.kommuner(trx),
    await q.fylker(trx),
  ]
  const rowsBy = new Map<string, CountRow[]>()
  for (const r of rows) {
    const list = rowsBy.get(r.kommune)
    if (list) list.push(r)
    else rowsBy.set(r.kommune, [r])
  }
  const subBy = new Map(submitted.map((s) => [s.kommune, s]))
  const municipalities: KommuneFigures[] = kommuner.map((k) => {
    const s = subBy.get(k.code)
    const live = countsFromRows(rowsBy.get(k.code) ?? [])
    const counts = s ? readFigures(s.figures).total : null
    return {
      code: k.code,
      name: k.name,
      fylke: k.fylke_code ?? k.code.slice(0, 2),
      active: k.status === 'active',
      live,
      submitted:
        s && counts
          ? {
              version: s.version,
              submittedAt: new Date(s.submitted_at).toISOString(),
              reason: s.reason,
              counts,
            }
          : null,
      changes: counts ? diffCounts(counts, live) : [],
    }
  })
  return {
    range,
    municipalities,
    fylker,
    liveComputedAt: live.computedAt.toISOString(),
    recomputed: live.recomputed,
    rows,
  }
}

/**
 * The national figures of a week, read from the reporting database (REPORTING_DATABASE_URL, a
 * replica; the primary without one) in a read-only transaction: aggregates only.
 */
async function readNational(deps: AppDeps, userId: string, week: string) {
  const data = await inTenant(deps.reportingDb, { kommune: null, userId, readOnly: true }, (trx) =>
    loadNational(trx, week),
  )
  await saveLiveRows(deps, week, data)
  return data
}

/** How old the cached live national counts may be before a request recomputes them. */
export const LIVE_MAX_AGE_MS = 5 * 60_000

/**
 * The week's live count rows for every municipality: from weekly_report_cache when fresh, else
 * recomputed and stored. Only one request recomputes a week at a time; concurrent ones use the
 * previous row if there is one.
 */
async function liveRows(trx: Trx, week: string, range: { start: string; end: string }) {
  const cached = await q.readCache(trx, week)
  const age = cached ? Date.now() - new Date(cached.computed_at).getTime() : Number.POSITIVE_INFINITY
  if (cached && (age < LIVE_MAX_AGE_MS || !(await q.tryLockCache(trx, week))))
    return { rows: cached.counts as CountRow[], computedAt: new Date(cached.computed_at), recomputed: false }
  // Counted here (on the replica, when there is one); saved on the primary by saveLiveRows.
  const rows = await countRows(trx, { from: range.start, to: range.end, kommune: null })
  return { rows, computedAt: new Date(), recomputed: true }
}

/** Stores freshly counted rows in weekly_report_cache, on the primary (no personal data). */
async function saveLiveRows(deps: AppDeps, week: string, data: Awaited<ReturnType<typeof loadNational>>) {
  if (!data.recomputed) return
  await inTenant(deps.db, { kommune: null }, (trx) => q.writeCache(trx, week, data.rows))
}

const sum = (list: KommuneFigures[], pick: (k: KommuneFigures) => WeeklyCounts | undefined) =>
  list.reduce((acc, k) => {
    const c = pick(k)
    return c ? addCounts(acc, c) : acc
  }, emptyCounts())

/**
 * GET /api/fhi/weekly/:week — national and county totals and the municipality table. FHI sees
 * exact numbers; anyone else allowed the overview (the operator) sees the small-numbers rule.
 */
export async function getNationalWeekly(deps: AppDeps, ctx: RequestContext, week: string) {
  authorize(ctx.actor, 'report.national')
  const mask = !ctx.actor.roles.includes('fhi')
  const data = await readNational(deps, ctx.actor.userId, week)
  return presentNational(week, data, mask)
}

export function presentNational(
  week: string,
  data: Awaited<ReturnType<typeof loadNational>>,
  mask: boolean,
): NationalWeeklyDto {
  const { municipalities, fylker, range } = data
  const opts = { mask }
  const counted = municipalities.filter((k) => k.active || k.submitted)
  const view = (list: KommuneFigures[]) => ({
    submitted: presentWeeklyReport(
      sum(list, (k) => k.submitted?.counts),
      opts,
    ),
    live: presentWeeklyReport(
      sum(list, (k) => k.live),
      opts,
    ),
  })
  return {
    week,
    ...range,
    masked: mask,
    liveComputedAt: data.liveComputedAt,
    kommuneCount: counted.length,
    submittedCount: municipalities.filter((k) => k.submitted).length,
    changedCount: municipalities.filter((k) => k.changes.length > 0).length,
    national: view(municipalities),
    counties: fylker.map((f) => {
      const list = municipalities.filter((k) => k.fylke === f.code)
      return {
        code: f.code,
        name: f.name,
        kommuneCount: list.filter((k) => k.active || k.submitted).length,
        submittedCount: list.filter((k) => k.submitted).length,
        ...view(list),
      }
    }),
    municipalities: municipalities.map((k) => ({
      code: k.code,
      name: k.name,
      fylke: k.fylke,
      active: k.active,
      version: k.submitted?.version ?? null,
      submittedAt: k.submitted?.submittedAt ?? null,
      submitted: k.submitted ? presentSummary(k.submitted.counts, opts) : null,
      live: presentSummary(k.live, opts),
      changedAfterSubmission: k.changes.length > 0,
      // The differences are exact numbers: only for FHI.
      changes: mask ? [] : k.changes,
    })),
  }
}

/**
 * GET /api/fhi/weekly/:week/kommuner/:kommune — every version a municipality submitted for a week
 * (FHI exact; the operator masked and without raw counts).
 */
export async function kommuneVersions(deps: AppDeps, ctx: RequestContext, week: string, kommune: string) {
  authorize(ctx.actor, 'report.national')
  const mask = !ctx.actor.roles.includes('fhi')
  return inTenant(deps.db, { kommune: null, userId: ctx.actor.userId }, async (trx) => {
    const k = (await q.kommuner(trx)).find((x) => x.code === kommune)
    if (!k) throw notFound('Kommunen')
    const versions = await q.reportVersions(trx, week, kommune)
    await audit(trx, ctx, {
      action: 'report.national-versions',
      recordType: 'weekly-report',
      kommune: null,
      details: { week, kommune },
    })
    return {
      week,
      kommune,
      kommuneName: k.name,
      masked: mask,
      versions: versions.map((v) => {
        const counts = readFigures(v.figures).total
        return {
          version: v.version,
          submittedAt: new Date(v.submitted_at).toISOString(),
          reason: v.reason,
          counts: mask ? null : counts,
          report: presentWeeklyReport(counts, { mask }),
        }
      }),
    }
  })
}

/** The national table for export (submitted figures with every setting; audited). */
export async function nationalExportData(deps: AppDeps, ctx: RequestContext, week: string, format: string) {
  authorize(ctx.actor, 'report.national')
  const mask = !ctx.actor.roles.includes('fhi')
  // The export is logged on the primary before the figures are read (from the replica).
  await inTenant(deps.db, { kommune: null, userId: ctx.actor.userId }, (trx) =>
    audit(trx, ctx, {
      action: 'report.national-export',
      recordType: 'weekly-report',
      kommune: null,
      details: { week, format, masked: mask },
    }),
  )
  return { data: await readNational(deps, ctx.actor.userId, week), mask }
}

/**
 * GET /api/fhi/weekly-reports?week= — the submitted reports as JSON for machine clients (client
 * credentials) or a logged-in FHI analyst. Exact numbers: the reader is FHI.
 */
export async function machineWeeklyReports(
  deps: AppDeps,
  ctx: RequestContext,
  authorization: string | undefined,
  query: { week: string; kommune?: string },
) {
  let client: { clientId: string } | null = null
  if (authorization) client = await authenticateClient(deps.db, authorization, SCOPE_WEEKLY_REPORTS)
  else authorize(ctx.actor, 'fhi.read')
  return inTenant(deps.db, { kommune: null, userId: ctx.actor?.userId ?? null }, async (trx) => {
    const range = weekRange(query.week)
    const names = new Map((await q.kommuner(trx)).map((k) => [k.code, k]))
    const submitted = (await q.submittedReports(trx, query.week)).filter(
      (s) => !query.kommune || s.kommune === query.kommune,
    )
    await audit(trx, ctx, {
      action: 'report.machine-read',
      recordType: 'weekly-report',
      kommune: null,
      details: { week: query.week, kommune: query.kommune ?? null, clientId: client?.clientId ?? null },
    })
    return {
      week: query.week,
      ...range,
      reports: submitted.map((s) => {
        const counts = readFigures(s.figures).total
        const k = names.get(s.kommune)
        return {
          kommune: s.kommune,
          kommuneName: k?.name ?? s.kommune,
          fylke: k?.fylke_code ?? s.kommune.slice(0, 2),
          version: s.version,
          submittedAt: new Date(s.submitted_at).toISOString(),
          reason: s.reason,
          counts,
          report: presentWeeklyReport(counts, { mask: false }),
        }
      }),
    }
  })
}

/** Rows of the national export: Norway, each county, each municipality (submitted figures). */
export function nationalExportRows(
  week: string,
  data: Awaited<ReturnType<typeof loadNational>>,
  mask: boolean,
) {
  const opts = { mask }
  const headers = reportHeaders(
    [
      'Uke',
      'Nivå',
      'Kode',
      'Navn',
      'Fylke',
      'Innsendt',
      'Versjon',
      'Innsendt tidspunkt',
      'Endret etter innsending',
    ],
    true,
  )
  const all = data.municipalities
  const status = (list: KommuneFigures[]) =>
    `${list.filter((k) => k.submitted).length} av ${list.filter((k) => k.active || k.submitted).length}`
  // How many municipalities' figures changed after their newest submission.
  const changed = (list: KommuneFigures[]) => String(list.filter((k) => k.changes.length > 0).length)
  const rows = [
    reportRow(
      [week, 'Norge', '00', 'Norge', '', status(all), null, null, changed(all)],
      presentWeeklyReport(
        sum(all, (k) => k.submitted?.counts),
        opts,
      ),
      true,
    ),
    ...data.fylker.map((f) => {
      const list = all.filter((k) => k.fylke === f.code)
      return reportRow(
        [week, 'Fylke', f.code, f.name, f.code, status(list), null, null, changed(list)],
        presentWeeklyReport(
          sum(list, (k) => k.submitted?.counts),
          opts,
        ),
        true,
      )
    }),
    ...all.map((k) =>
      reportRow(
        [
          week,
          'Kommune',
          k.code,
          k.name,
          k.fylke,
          k.submitted ? 'ja' : 'nei',
          k.submitted?.version ?? null,
          k.submitted?.submittedAt ?? null,
          k.submitted ? (k.changes.length > 0 ? 'ja' : 'nei') : null,
        ],
        k.submitted ? presentWeeklyReport(k.submitted.counts, opts) : null,
        true,
      ),
    ),
  ]
  return { headers, rows }
}
