import type { z } from 'zod'
import { type DashboardDto, type dashboardQuery, MAX_PERIOD_DAYS } from '../../../shared/api/dashboards'
import { addDaysOslo, daysBetween } from '../../../shared/domain/dates'
import { isoWeekOf, nextWeek, weekRange } from '../../../shared/domain/isoWeek'
import {
  type CountRow,
  countsFromRows,
  REPORT_SETTINGS,
  share,
  totals,
} from '../../../shared/domain/weeklyReport'
import type { RequestContext } from '../../auth/actor'
import { inTenant } from '../../db/tenant'
import { fieldError } from '../../http/errors'
import type { AppDeps } from '../../http/types'
import { can } from '../../policy/policy'
import { presentUnit } from '../reports/reports.present'
import { countRows } from '../reports/reports.queries'
import { reportScope, resolveUnit, todayOslo } from '../reports/reports.service'
import * as q from './dashboards.queries'

/** The default period: the current week and the 8 weeks before it. */
export function defaultPeriod(today: string, to?: string, from?: string) {
  const end = to ?? today
  const start = from ?? weekRange(isoWeekOf(addDaysOslo(end, -7 * 8)).key).start
  if (start > end) throw fieldError('querystring.from', 'Fra-dato må være før til-dato')
  if (daysBetween(start, end) > MAX_PERIOD_DAYS)
    throw fieldError('querystring.from', `Perioden kan være høyst ${MAX_PERIOD_DAYS} dager`)
  return { from: start, to: end }
}

/** Every ISO week touching [from, to], in order. */
export function weeksOf(from: string, to: string): string[] {
  const keys = [isoWeekOf(from).key]
  const last = isoWeekOf(to).key
  while (keys[keys.length - 1] !== last) keys.push(nextWeek(keys[keys.length - 1]!).key)
  return keys
}

function weeklySeries(rows: CountRow[], from: string, to: string): DashboardDto['weekly'] {
  return weeksOf(from, to).map((week) => {
    const start = weekRange(week).start
    const c = countsFromRows(rows.filter((r) => r.weekStart === start))
    const t = totals(c)
    return {
      week,
      start,
      cases: c.cases,
      confirmed: c.confirmed,
      contacts: c.contacts,
      knownContact: t.knownContact,
      knownContactShare: share(t.knownContact, c.confirmed),
      outbreak: t.outbreak,
    }
  })
}

function fillDays(from: string, to: string, points: { date: string; cases: number }[]) {
  const byDay = new Map(points.map((p) => [p.date, Number(p.cases)]))
  const out: { date: string; cases: number }[] = []
  for (let d = from; d <= to; d = addDaysOslo(d, 1)) out.push({ date: d, cases: byDay.get(d) ?? 0 })
  return out
}

/**
 * GET /api/dashboards/kommune: the municipality's dashboard for a period and sub-unit. Aggregates
 * only; outbreak names are included for users who may see case work.
 */
export async function getDashboard(
  deps: AppDeps,
  ctx: RequestContext,
  query: z.output<typeof dashboardQuery>,
): Promise<DashboardDto> {
  const { kommune, userId } = reportScope(ctx, 'report.read')
  const today = todayOslo()
  const { from, to } = defaultPeriod(today, query.to, query.from)
  const actor = ctx.actor!
  // Aggregates only: from the reporting database (a replica, when configured), read-only.
  return inTenant(deps.reportingDb, { kommune, userId, readOnly: true }, async (trx) => {
    const { units, unit, scope } = await resolveUnit(trx, kommune, query.unit)
    const s: q.DashboardScope = { kommune, from, to, units: scope ? [...scope] : null }
    const rows = (await countRows(trx, { from, to, kommune })).filter((r) => !scope || scope.has(r.unit))
    const all = countsFromRows(rows)
    const t = totals(all)
    const outbreaks = await q.activeOutbreaks(trx, s)
    return {
      from,
      to,
      dateBasis: query.dateBasis,
      unit: unit ? presentUnit(unit) : null,
      units: units.map(presentUnit),
      epiCurve: fillDays(from, to, await q.epiCurve(trx, s, query.dateBasis)),
      weekly: weeklySeries(rows, from, to),
      totals: {
        cases: all.cases,
        confirmed: all.confirmed,
        contacts: all.contacts,
        knownContact: t.knownContact,
        knownContactShare: share(t.knownContact, all.confirmed),
        outbreak: t.outbreak,
      },
      contactsPerCase: await q.contactsPerCase(trx, s),
      today: { date: today, ...(await q.measuresToday(trx, s, today)) },
      settings: REPORT_SETTINGS.map((setting) => ({ setting, ...all.settings[setting] })),
      outbreaks: {
        active: outbreaks.length,
        items: can(actor, 'event.read')
          ? outbreaks.map((o) => ({ id: o.id, name: o.name, setting: o.setting, cases: Number(o.cases) }))
          : null,
      },
      followUps: await q.followUps(trx, s, today),
      canOpenLists: can(actor, 'case.read'),
    }
  })
}
