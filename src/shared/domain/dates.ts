import { TZDate } from '@date-fns/tz'
import { addYears, format } from 'date-fns'

/**
 * Calendar dates in Smittespor are ISO strings ('yyyy-mm-dd') meaning a day in Norway. All
 * arithmetic happens on midnight Europe/Oslo through `TZDate`, so the host's time zone never
 * matters and DST changes (which in Oslo happen at 02:00/03:00, never at midnight) cannot shift
 * a date by one.
 */
export const OSLO_TIME_ZONE = 'Europe/Oslo'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// An instant must carry its offset: without one, `new Date()` would read it in the host's zone.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

/** True when `value` is a real calendar date written 'yyyy-mm-dd' (no 2021-02-29). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [, y, m, d] = match.map(Number) as [number, number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * Midnight Europe/Oslo of an ISO date. Throws RangeError for anything else: callers validate
 * user input at the API edge, so a bad string here is a programming error.
 */
export function parseIsoDate(value: string): TZDate {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(value)}`)
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  return new TZDate(y, m - 1, d, OSLO_TIME_ZONE)
}

/** The Oslo calendar date of a `TZDate`/`Date` as 'yyyy-mm-dd'. */
export function toIsoDate(date: Date): string {
  return format(new TZDate(date.getTime(), OSLO_TIME_ZONE), 'yyyy-MM-dd')
}

/**
 * `date` plus `days` calendar days (negative to go back). Pure calendar arithmetic: adding 1 day
 * across the spring-forward night (23 h long) or the fall-back night (25 h) still moves exactly
 * one date, which adding 24 h of milliseconds would not guarantee.
 */
export function addDaysOslo(date: string, days: number): string {
  return new Date((epochDay(date) + days) * DAY_MS).toISOString().slice(0, 10)
}

const DAY_MS = 86_400_000

/**
 * Day number (since 1970-01-01) of an ISO date. Counting calendar days needs no time zone: UTC
 * days have no DST, so this is exact, and far cheaper than time-zone conversion (worklists
 * compute it for every row).
 */
function epochDay(value: string): number {
  if (!isIsoDate(value)) throw new RangeError(`Not an ISO date (yyyy-mm-dd): ${JSON.stringify(value)}`)
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  return Date.UTC(y, m - 1, d) / DAY_MS
}

/** `date` plus `years` calendar years; 29 February becomes 28 February in a non-leap year. */
export function addYearsOslo(date: string, years: number): string {
  return toIsoDate(addYears(parseIsoDate(date), years))
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from)
}

/**
 * Compares two ISO dates: negative, 0 or positive. Valid 'yyyy-mm-dd' strings sort as text, but
 * both are validated so that a malformed value fails loudly instead of comparing wrongly.
 */
export function compareIsoDates(a: string, b: string): number {
  parseIsoDate(a)
  parseIsoDate(b)
  return a < b ? -1 : a > b ? 1 : 0
}

/** Norwegian display form 'dd.mm.yyyy' used in messages and letters. */
export function formatNorwegianDate(date: string): string {
  return format(parseIsoDate(date), 'dd.MM.yyyy')
}

/**
 * The Europe/Oslo calendar date of an instant: 2020-12-31T23:30:00Z is already 1 January in
 * Oslo. Use it to turn timestamps (test taken, call made) into the dates that rules count with.
 * A string must be an ISO instant with `Z` or an offset.
 */
export function osloDate(instant: Date | string): string {
  if (typeof instant === 'string' && !ISO_INSTANT.test(instant)) {
    throw new RangeError(`Not an ISO instant with offset: ${JSON.stringify(instant)}`)
  }
  const date = typeof instant === 'string' ? new Date(instant) : instant
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid instant')
  return toIsoDate(date)
}
