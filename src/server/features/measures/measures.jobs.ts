import { sql } from 'kysely'
import { addDaysOslo } from '../../../shared/domain/dates'
import type { Database } from '../../db/kysely'
import { inTenant, type Trx } from '../../db/tenant'
import type { JobDefinition } from '../../jobs/types'
import { applyUnreachedRule } from '../followups/followups.flag'
import { getSettings } from '../followups/followups.queries'
import { scheduleKeySql, syncSchedule } from '../followups/followups.schedule'
import { todayOslo } from './clock'

/**
 * Scheduled jobs for measures and follow-up. pg-boss runs them (jobs/runtime.ts): the scheduled
 * run queues one job per active municipality, and each works in one transaction inside that
 * municipality's row-level security like any request. Without `only`, every active municipality
 * in turn (tests, scripts).
 */
export async function forEachActiveKommune(
  db: Database,
  fn: (trx: Trx, kommune: string) => Promise<number>,
  only?: string,
) {
  const kommuner = await db
    .selectFrom('org_units')
    .select('code')
    .where('kind', '=', 'kommune')
    .where('status', '=', 'active')
    .$if(!!only, (q) => q.where('code', '=', only!))
    .orderBy('code')
    .execute()
  let total = 0
  for (const { code } of kommuner)
    total += await inTenant(db, { kommune: code, userId: null }, (trx) => fn(trx, code))
  return { kommuner: kommuner.length, total }
}

/** Stored status and actual end in step with the dates (reports and dashboards read them). */
export async function rollStatuses(db: Database, today = todayOslo(), only?: string) {
  const r = await forEachActiveKommune(
    db,
    async (trx, kommune) => {
      const next = sql<string>`case when m.exempt_from <= ${today}::date
        and m.exempt_from <= m.end_date then 'exempted'
      when m.exempt_from <= ${today}::date then 'ended'
      when m.start_date > ${today}::date then 'planned'
      when m.end_date >= ${today}::date then 'active' else 'ended' end`
      const res = await trx
        .updateTable('measures as m')
        .set({
          status: next as never,
          actual_end: sql`case when ${next} in ('ended', 'exempted') then least(coalesce(m.exempt_from, m.end_date), m.end_date) end`,
        })
        .where('m.kommune', '=', kommune)
        .where('m.status', '<>', 'cancelled')
        .where('m.end_reason', 'is', null)
        .where(sql<boolean>`m.status is distinct from ${next}`)
        .executeTakeFirst()
      return Number(res.numUpdatedRows)
    },
    only,
  )
  return { updated: r.total, kommuner: r.kommuner }
}

/**
 * Follow-up calls for every measure whose dates or municipality settings changed since its calls
 * were planned (the request that changed a measure normally did it already; this catches
 * settings changes and anything missed). Measures that ended more than a day ago are left alone.
 */
export async function generateSchedules(db: Database, today = todayOslo(), only?: string) {
  const r = await forEachActiveKommune(
    db,
    async (trx, kommune) => {
      const settings = await getSettings(trx, kommune)
      const stale = await trx
        .selectFrom('measures as m')
        .leftJoin('followup_settings as s', 's.kommune', 'm.kommune')
        .selectAll('m')
        .where('m.kommune', '=', kommune)
        .where('m.end_date', '>=', addDaysOslo(today, -1))
        .where(sql<boolean>`m.schedule_key is distinct from ${scheduleKeySql}`)
        .execute()
      for (const m of stale) await syncSchedule(trx, m, today, settings)
      return stale.length
    },
    only,
  )
  return { measures: r.total, kommuner: r.kommuner }
}

/** The "ikke nådd" rule for measures with calls made in the last week. */
export async function flagUnreached(db: Database, today = todayOslo(), only?: string) {
  const r = await forEachActiveKommune(
    db,
    async (trx, kommune) => {
      const { unreachedLimit } = await getSettings(trx, kommune)
      const measures = await trx
        .selectFrom('measures as m')
        .select(['m.id', 'm.kommune', 'm.unreached_since'])
        .where('m.kommune', '=', kommune)
        .where('m.status', '<>', 'cancelled')
        .where('m.end_date', '>=', addDaysOslo(today, -7))
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('followup_calls as c')
              .whereRef('c.measure_id', '=', 'm.id')
              .where('c.status', 'in', ['done', 'not_reached']),
          ),
        )
        .execute()
      let changed = 0
      for (const m of measures)
        if ((await applyUnreachedRule(trx, m, unreachedLimit, null)).changed) changed++
      return changed
    },
    only,
  )
  return { changed: r.total, kommuner: r.kommuner }
}

export const measureStatusJob: JobDefinition = {
  name: 'measures.status',
  cron: '*/10 * * * *',
  perKommune: 'active',
  run: ({ db }, { kommune }) => rollStatuses(db, todayOslo(), kommune),
}
export const followUpGenerateJob: JobDefinition = {
  name: 'followups.generate',
  cron: '*/10 * * * *',
  perKommune: 'active',
  run: ({ db }, { kommune }) => generateSchedules(db, todayOslo(), kommune),
}
export const followUpUnreachedJob: JobDefinition = {
  name: 'followups.unreached',
  cron: '*/15 * * * *',
  perKommune: 'active',
  run: ({ db }, { kommune }) => flagUnreached(db, todayOslo(), kommune),
}
