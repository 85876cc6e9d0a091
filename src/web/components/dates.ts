import { osloDate } from '../../shared/domain/dates'

/** Today's calendar date in Norway ('yyyy-mm-dd'), whatever the browser's time zone. */
export function todayOslo(): string {
  return osloDate(new Date())
}

/** 'yyyy-mm-dd' → '12.04.2024' (nb/nn) or the locale's short date; other input is returned as is. */
export function formatIsoDate(value: string | null | undefined, locale = 'nb-NO'): string {
  if (!value) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!m) return value
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

function isRealDate(y: number, m: number, d: number) {
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date typed the way Norwegian users type it — `12.04.2024`, `12.4.24`, `12042024`, `120424` or
 * `2024-04-12` — as 'yyyy-mm-dd'; null when it is not a real date. Two-digit years count as 20yy
 * unless that would lie in the future (then 19yy), which suits both birth and exposure dates.
 */
export function parseNorwegianDate(input: string, today = todayOslo()): string | null {
  const s = input.trim()
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s)
  const dmy = iso
    ? null
    : (/^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s) ?? /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(s))
  if (!iso && !dmy) return null
  const [y0, m, d] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : [Number(dmy![3]), Number(dmy![2]), Number(dmy![1])]
  let y = y0
  if (dmy && dmy[3]!.length === 2) {
    y = 2000 + y0
    if (y > Number(today.slice(0, 4))) y -= 100
  }
  if (!isRealDate(y, m, d)) return null
  return `${y}-${pad(m)}-${pad(d)}`
}
