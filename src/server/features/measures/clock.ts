import { osloDate } from '../../../shared/domain/dates'

/**
 * Today's date in Norway. Measures and follow-up count in Oslo calendar days whatever the
 * server's time zone; one function so a test can see where "today" comes from.
 */
export function todayOslo(now: Date = new Date()): string {
  return osloDate(now)
}
