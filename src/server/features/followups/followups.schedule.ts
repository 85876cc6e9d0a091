import { sql } from 'kysely'
import { addDaysOslo, compareIsoDates } from '../../../shared/domain/dates'
import { followUpSchedule, reconcileSchedule } from '../../../shared/domain/followUps'
import type { Trx } from '../../db/tenant'
import type { MeasureRow } from '../measures/measures.queries'
import * as q from './followups.queries'
import { getSettings, type Settings } from './followups.queries'

type MeasureDates = Pick<
  MeasureRow,
  | 'id'
  | 'kommune'
  | 'person_id'
  | 'start_date'
  | 'end_date'
  | 'exempt_from'
  | 'status'
  | 'end_reason'
  | 'kind'
  | 'rule_set_id'
>

/**
 * The dates a measure's calls were generated for. Stored on the measure (schedule_key), so the
 * generation job can find measures whose dates or municipality settings changed since. The SQL
 * in `staleScheduleFilter` builds the same text.
 */
export function scheduleKey(m: MeasureDates, settingsVersion: number): string {
  return [
    m.start_date,
    m.end_date,
    m.exempt_from ?? '',
    m.status === 'cancelled' ? 'c' : m.end_reason ? 'e' : '',
    settingsVersion,
  ].join('|')
}

/** SQL twin of `scheduleKey` for measures `m` joined to their settings `s` (may be null). */
export const scheduleKeySql = sql<string>`concat_ws('|', m.start_date::text, m.end_date::text, coalesce(m.exempt_from::text, ''), case when m.status = 'cancelled' then 'c' when m.end_reason is not null then 'e' else '' end, coalesce(s.version, 0)::text)`

/** The last day calls are wanted: the end, or the day before an exemption takes effect. */
function lastCallDay(m: MeasureDates): string | null {
  // Cancelled, or ended early (became a case): no more calls; the open ones are cancelled.
  if (m.status === 'cancelled' || m.end_reason) return null
  if (!m.exempt_from) return m.end_date
  const beforeExemption = addDaysOslo(m.exempt_from, -1)
  if (compareIsoDates(beforeExemption, m.start_date) < 0) return null
  return compareIsoDates(beforeExemption, m.end_date) < 0 ? beforeExemption : m.end_date
}

export const CALL_CANCEL_REASONS = {
  cancelled: 'Tiltaket ble avbrutt',
  exempted: 'Unntatt fra tiltaket',
  replanned: 'Datoene ble endret',
} as const

/**
 * Brings a measure's follow-up calls in line with its dates (SPEC §4, issue 18): generated when
 * the measure starts, re-planned when its dates change. Nothing is deleted: calls made are kept,
 * planned calls on dates still wanted keep their assignee, and planned calls no longer wanted
 * become 'cancelled' with a reason. With `backfill` (a new measure, changed facts) days already
 * past are planned too, marked late ("etterregistrert").
 */
export async function syncSchedule(
  trx: Trx,
  m: MeasureDates,
  today: string,
  settings?: Settings,
  options: { backfill?: boolean; cancelReason?: string } = {},
) {
  const s = settings ?? (await getSettings(trx, m.kommune))
  const end = lastCallDay(m)
  // The call days of the measure's rule set (issue 18), else the municipality's settings.
  const ruleDays = m.rule_set_id ? await q.ruleSetCallDays(trx, m.rule_set_id, m.kind) : null
  const desired = end
    ? followUpSchedule(
        { start: m.start_date, end },
        { days: ruleDays ?? s.scheduleDays, includeLastDay: s.includeLastDay },
      )
    : []
  const existing = (await q.scheduleState(trx, m.id)).map((c) => ({
    id: c.id,
    plannedDate: c.planned_date,
    done: c.status === 'done' || c.status === 'not_reached',
    cancelled: c.status === 'cancelled',
  }))
  const changes = reconcileSchedule(existing, desired, today, { backfill: options.backfill ?? false })
  const reason =
    options.cancelReason ??
    (m.end_reason
      ? m.end_reason
      : m.status === 'cancelled'
        ? CALL_CANCEL_REASONS.cancelled
        : m.exempt_from
          ? CALL_CANCEL_REASONS.exempted
          : CALL_CANCEL_REASONS.replanned)
  await q.cancelCalls(trx, changes.cancel, reason)
  await q.insertCalls(
    trx,
    changes.create.map((c) => ({
      kommune: m.kommune,
      measure_id: m.id,
      person_id: m.person_id,
      planned_date: c.date,
      day_number: c.day,
      last_day: c.lastDay,
      late: c.late,
    })),
  )
  if (end) {
    // A kept call's day number and last-day mark follow the new dates.
    await trx
      .updateTable('followup_calls')
      .set({
        day_number: sql`planned_date - ${m.start_date}::date`,
        last_day: sql`planned_date = ${end}::date`,
      })
      .where('measure_id', '=', m.id)
      .where('status', '=', 'planned')
      .execute()
  }
  await trx
    .updateTable('measures')
    .set({ schedule_key: scheduleKey(m, s.version) })
    .where('id', '=', m.id)
    .execute()
  return { created: changes.create.length, cancelled: changes.cancel.length }
}
