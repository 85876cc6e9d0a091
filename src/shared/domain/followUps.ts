import { addDaysOslo, compareIsoDates, daysBetween } from './dates'

/**
 * Daily follow-up of people in isolation or quarantine (SPEC §4): a schedule of planned calls per
 * measure, kept in step with the measure's dates without losing calls already made, and the
 * "ikke nådd" rule (N unreached calls in a row).
 *
 * Days are counted like the measure rules: the measure's start date is day 0, so "day 1" is the
 * first day after the last exposure (quarantine) or the positive test (isolation).
 */

export interface FollowUpScheduleConfig {
  /** Day numbers to call on, counted from the start (day 0). Days after the end are dropped. */
  days: readonly number[]
  /** Also call on the measure's last day. */
  includeLastDay: boolean
}

export const DEFAULT_FOLLOW_UP_CONFIG: FollowUpScheduleConfig = { days: [1, 3, 7], includeLastDay: true }
export const DEFAULT_UNREACHED_LIMIT = 3

export interface PlannedCall {
  /** Day number counted from the start (day 0). */
  day: number
  date: string
  /** The measure's last day. */
  lastDay: boolean
}

/**
 * The calls a measure from `start` to `end` (inclusive) should have, in date order, one per date.
 * A day that falls after the end is dropped rather than moved, and the last day is added when
 * configured; a measure that ends on its start day gets at most that one call.
 */
export function followUpSchedule(
  measure: { start: string; end: string },
  config: FollowUpScheduleConfig,
): PlannedCall[] {
  const length = daysBetween(measure.start, measure.end)
  if (length < 0) return []
  const days = new Set(config.days.filter((d) => Number.isInteger(d) && d >= 0 && d <= length))
  if (config.includeLastDay) days.add(length)
  return [...days]
    .sort((a, b) => a - b)
    .map((day) => ({ day, date: addDaysOslo(measure.start, day), lastDay: day === length }))
}

export interface ExistingCall {
  id: string
  plannedDate: string
  /** A call that was made (reached or not) is history and is never removed. */
  done: boolean
  /** A call cancelled earlier: kept as history, it neither covers its date nor changes again. */
  cancelled?: boolean
}

export interface ScheduleChanges {
  /** Planned calls still wanted (they keep their assignee). */
  keep: string[]
  /** Planned, not yet made calls the new dates no longer want: cancelled, never deleted. */
  cancel: string[]
  /** New calls to plan; `late` ("etterregistrert") when the date had passed already. */
  create: (PlannedCall & { late: boolean })[]
}

/**
 * What to change so a measure's calls follow its (possibly new) dates: calls already made stay,
 * planned calls on a wanted date stay (also when overdue: they are still owed), other planned
 * calls are cancelled, and wanted dates without any call get one. With `backfill` (the measure
 * was just registered, or its facts changed) wanted dates before `today` get a call too, marked
 * `late` so it can be recorded after the fact or closed; without it (the periodic job, a settings
 * change) only dates from today on are planned.
 */
export function reconcileSchedule(
  existing: readonly ExistingCall[],
  desired: readonly PlannedCall[],
  today: string,
  options: { backfill?: boolean } = {},
): ScheduleChanges {
  const wanted = new Set(desired.map((c) => c.date))
  const covered = new Set<string>()
  const keep: string[] = []
  const cancel: string[] = []
  const live = existing.filter((c) => !c.cancelled)
  for (const call of live) if (call.done) covered.add(call.plannedDate)
  const planned = live
    .filter((c) => !c.done)
    .sort((a, b) => compareIsoDates(a.plannedDate, b.plannedDate) || a.id.localeCompare(b.id))
  for (const call of planned) {
    if (wanted.has(call.plannedDate) && !covered.has(call.plannedDate)) {
      keep.push(call.id)
      covered.add(call.plannedDate)
    } else cancel.push(call.id)
  }
  const create = desired
    .filter((c) => !covered.has(c.date))
    .map((c) => ({ ...c, late: compareIsoDates(c.date, today) < 0 }))
    .filter((c) => options.backfill || !c.late)
  return { keep, cancel, create }
}

/**
 * Unreached calls in a row, counting back from the most recent call made: a reached call ends
 * the run. `calls` are the calls made (in any order, with the instant they were recorded).
 */
export function consecutiveUnreached(calls: readonly { doneAt: string | Date; reached: boolean }[]): number {
  const sorted = [...calls].sort((a, b) => new Date(b.doneAt).getTime() - new Date(a.doneAt).getTime())
  let n = 0
  for (const call of sorted) {
    if (call.reached) break
    n++
  }
  return n
}

/** True when the person should be flagged "ikke nådd" (lost to follow-up). */
export function isLostToFollowUp(
  calls: readonly { doneAt: string | Date; reached: boolean }[],
  limit = DEFAULT_UNREACHED_LIMIT,
): boolean {
  return consecutiveUnreached(calls) >= limit
}
