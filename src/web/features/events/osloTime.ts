import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { parseNorwegianDate } from '../../components/dates'

const OSLO = 'Europe/Oslo'

/** An ISO instant as the value of a datetime-local input, in Norwegian time ('2024-04-12T18:30'). */
export function toOsloInput(iso: string | null | undefined): string {
  if (!iso) return ''
  return format(new TZDate(new Date(iso).getTime(), OSLO), "yyyy-MM-dd'T'HH:mm")
}

/** A datetime-local value meant as Norwegian time, as an ISO instant; null when empty or invalid. */
export function fromOsloInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim())
  if (!m) return null
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number]
  return new TZDate(y, mo - 1, d, h, mi, OSLO).toISOString()
}

/**
 * An exposure typed in the participant grid — `12.04.2024`, `12.4.24 18:30`, `2024-04-12 18.30` —
 * as an ISO instant (Norwegian time; a date alone means noon), or null when it cannot be read.
 */
export function parseExposure(input: string): string | null {
  const [datePart = '', timePart] = input.trim().split(/\s+/)
  const date = parseNorwegianDate(datePart)
  if (!date) return null
  let h = 12
  let mi = 0
  if (timePart) {
    const t = /^(\d{1,2})[:.](\d{2})$/.exec(timePart)
    if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return null
    h = Number(t[1])
    mi = Number(t[2])
  }
  return fromOsloInput(`${date}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`)
}

/** '12.04.2024 18:30' in Norwegian time. */
export function formatOsloDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  return format(new TZDate(new Date(iso).getTime(), OSLO), 'dd.MM.yyyy HH:mm')
}
