import { TZDate } from '@date-fns/tz'
import { getISOWeek, getISOWeeksInYear, getISOWeekYear, startOfISOWeekYear } from 'date-fns'
import { addDaysOslo, OSLO_TIME_ZONE, parseIsoDate, toIsoDate } from './dates'

/**
 * ISO 8601 weeks for the weekly FHI report (SPEC §5): Monday–Sunday in Europe/Oslo. Week 1 is the
 * week with the year's first Thursday, so 1–3 January can belong to the previous year's week 52
 * or 53 and 29–31 December to the next year's week 1. The week-year, not the calendar year,
 * goes into the key.
 */
export type IsoWeek = { year: number; week: number; key: string }

const WEEK_KEY = /^(\d{4})-W(\d{2})$/

/** The ISO week of a calendar date: isoWeekOf('2021-01-03') → { year: 2020, week: 53, key: '2020-W53' }. */
export function isoWeekOf(date: string): IsoWeek {
  const day = parseIsoDate(date)
  return weekOf(getISOWeekYear(day), getISOWeek(day))
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on Wednesday. */
export function weeksInYear(year: number): number {
  return getISOWeeksInYear(new TZDate(year, 6, 1, OSLO_TIME_ZONE))
}

/** Parses 'yyyy-Www' (e.g. '2020-W53'); null when malformed or the week does not exist that year. */
export function parseWeekKey(key: string): IsoWeek | null {
  const match = WEEK_KEY.exec(key)
  if (!match) return null
  const year = Number(match[1])
  const week = Number(match[2])
  if (week < 1 || week > weeksInYear(year)) return null
  return weekOf(year, week)
}

/** Monday and Sunday ('yyyy-mm-dd') of a week key. Throws RangeError for an invalid key. */
export function weekRange(key: string): { start: string; end: string } {
  const week = requireWeek(key)
  const firstMonday = toIsoDate(startOfISOWeekYear(new TZDate(week.year, 0, 4, OSLO_TIME_ZONE)))
  const start = addDaysOslo(firstMonday, (week.week - 1) * 7)
  return { start, end: addDaysOslo(start, 6) }
}

/** The week before `key`, crossing into the previous week-year after week 1. */
export function previousWeek(key: string): IsoWeek {
  return isoWeekOf(addDaysOslo(weekRange(key).start, -7))
}

/** The week after `key`, crossing into the next week-year after week 52/53. */
export function nextWeek(key: string): IsoWeek {
  return isoWeekOf(addDaysOslo(weekRange(key).start, 7))
}

function requireWeek(key: string): IsoWeek {
  const week = parseWeekKey(key)
  if (!week) throw new RangeError(`Not an ISO week key (yyyy-Www): ${JSON.stringify(key)}`)
  return week
}

function weekOf(year: number, week: number): IsoWeek {
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}` }
}
